import OrderDomain

/// Commands of every kind against a small shop (EventSamples' SKUs, member and order), and the
/// states they leave: the seeds of the command fuzzer and the state it decides fuzzed commands on.
enum FuzzShop {
    typealias S = EventSamples

    static let hatInHangzhou = StockItemID(sku: S.hat, warehouse: S.warehouse)

    static let commands: [DomainCommand] = [
        .catalog(S.shirt, .register(S.shirtDefinition, at: S.at(0))),
        .catalog(S.shirt, .list(at: S.at(0))),
        .catalog(S.hat, .register(SKUDefinition(id: S.hat, title: "Hat", price: S.cny(1_500), categoryPath: ["hats"]), at: S.at(0))),
        .catalog(S.hat, .list(at: S.at(0))),
        .stock(S.shirtInHangzhou, .receive(quantity: 10, at: S.at(1))),
        .stock(hatInHangzhou, .receive(quantity: 5, at: S.at(1))),
        .member(S.member, .register(MemberProfile(displayName: "Ann"), at: S.at(1))),
        .defineCoupon(S.couponDefinition, at: S.at(1)),
        .placeOrder(PlaceOrder(order: S.order, member: S.member, lines: S.lines, shippingAddress: S.home, coupon: nil, at: S.at(2))),
        .authorizePayment(S.payment, order: S.order, method: .alipay, amount: S.cny(5_000), at: S.at(3)),
        .payment(S.payment, .capture(amount: S.cny(5_000), at: S.at(4))),
        .transferStock(sku: S.shirt, from: S.warehouse, to: "sh-1", quantity: 2, at: S.at(5)),
        .createShipment(S.shipment, order: S.order, warehouse: S.warehouse, lines: S.lines, at: S.at(6)),
        .requestAfterSale(
            S.afterSale, order: S.order, member: S.member, kind: .return, lines: S.lines, reason: "too big", at: S.at(7)),
        .refundAfterSale(S.afterSale, payment: S.payment, amount: S.cny(100), at: S.at(8)),
        .cancelOrder(S.order, reason: "changed my mind", at: S.at(9)),
        .stock(S.shirtInHangzhou, .adjust(delta: -1, reason: .damage, at: S.at(10))),
    ]

    /// The states after every seed command the rules accept, in order.
    static let states: DomainStates = {
        var states = DomainStates()
        for command in commands {
            if let events = try? Domain.decide(command, states, .standard) { states.apply(events) }
        }
        return states
    }()
}
