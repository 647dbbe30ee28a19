/// The single entry point the engine calls: decides any command against current states and
/// returns every event for every stream it touches, or one refusal, all-or-nothing.
public enum Domain {
    /// Routes a command to its decider or workflow.
    public static func decide(
        _ command: DomainCommand, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        switch command {
        case .catalog(let id, let command):
            return try Catalog.decide(command, states.catalog(id)).map { .catalog(id, $0) }
        case .stock(let id, let command):
            try requireWarehouseOperation(command)
            return try Stock.decide(command, states.stock(id)).map { .stock(id, $0) }
        case .transferStock(let sku, let source, let destination, let quantity, let at):
            return try StockFlow.transfer(sku, from: source, to: destination, quantity: quantity, at: at, states)
        case .member(let id, let command):
            return try Member.decide(command, states.member(id)).map { .member(id, $0) }
        case .defineCoupon(let definition, let at):
            let code = definition.code
            return try Coupon.decide(.define(definition, at: at), states.coupon(code)).map { .coupon(code, $0) }
        case .disableCoupon(let code, let at):
            return try Coupon.decide(.disable(at: at), states.coupon(code)).map { .coupon(code, $0) }
        case .placeOrder(let placeOrder):
            return try Checkout.decide(placeOrder, states, policy)
        case .cancelOrder(let id, let reason, let at):
            return try OrderFlow.cancel(id, reason: reason, at: at, states, policy)
        case .expireOrder(let id, let at):
            return try OrderFlow.expire(id, at: at, states, policy)
        case .holdOrder(let id, let reason, let at):
            return try Order.decide(.hold(reason: reason, at: at), states.order(id), policy).map { .order(id, $0) }
        case .releaseOrderHold(let id, let at):
            return try Order.decide(.releaseHold(at: at), states.order(id), policy).map { .order(id, $0) }
        case .completeOrder(let id, let at):
            return try OrderFlow.complete(id, at: at, states, policy)
        case .authorizePayment(let id, let order, let method, let amount, let at):
            return try PaymentFlow.authorize(id, order: order, method: method, amount: amount, at: at, states, policy)
        case .payment(let id, let command):
            return try PaymentFlow.decide(id, command, states, policy)
        case .createShipment(let id, let order, let warehouse, let lines, let at):
            return try ShipmentFlow.create(id, order: order, warehouse: warehouse, lines: lines, at: at, states, policy)
        case .shipment(let id, let command):
            return try ShipmentFlow.decide(id, command, states, policy)
        case .requestAfterSale(let id, let order, let member, let kind, let lines, let reason, let at):
            return try AfterSaleFlow.request(
                id, order: order, member: member, kind: kind, lines: lines, reason: reason, at: at, states, policy)
        case .afterSale(let id, let command):
            return try AfterSaleFlow.decide(id, command, states, policy)
        case .refundAfterSale(let id, let payment, let amount, let at):
            return try AfterSaleFlow.refund(id, payment: payment, amount: amount, at: at, states, policy)
        case .arrangeReplacement(let id, let shipment, let warehouse, let at):
            return try AfterSaleFlow.arrangeReplacement(
                id, shipment: shipment, warehouse: warehouse, at: at, states, policy)
        }
    }

    static func requireWarehouseOperation(_ command: StockCommand) throws(Refusal) {
        switch command {
        case .receive, .expectIncoming, .adjust, .setSafetyStock, .fillBackorder, .disposeDamaged, .transferIn:
            return
        case .reserve, .commit, .release, .deductForShipment, .allocateReplacement, .releaseReplacement, .restockReturn,
            .writeOffReturn, .transferOut:
            throw .validation("this stock step is taken by an order, shipment, after-sale or transfer workflow")
        }
    }
}
