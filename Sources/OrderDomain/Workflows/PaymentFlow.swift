/// Payment steps and their consequences: captures pay the order and commit its stock,
/// refunds reduce what is refundable and reverse earned points, and store credit moves with
/// payments made from it.
public enum PaymentFlow {
    /// Opens a payment for what an order still owes: its total while unpaid, or the
    /// after-sale charges added later, never more than the order's other payments leave
    /// open; store credit is taken at once.
    public static func authorize(
        _ id: PaymentID, order orderID: OrderID, method: PaymentMethod, amount: Money, at: Timestamp,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let order = states.order(orderID)
        guard let placement = order.placement else { throw Refusal(.notFound, "order \(orderID) was never placed") }
        guard order.status == .awaitingPayment || (order.owesCharge && payableLater.contains(order.status)) else {
            throw .invalidTransition("authorizePayment", from: order.status)
        }
        let due = Money(minorUnits: order.amountDueMinorUnits - order.paidMinorUnits, currency: placement.currency)
        let command = PaymentCommand.authorize(
            order: orderID, member: placement.member, method: method, amount: amount, amountDue: due, at: at)
        var events = try Payment.decide(command, states.payment(id)).map { DomainEvent.payment(id, $0) }
        let recorded = try Order.decide(.recordAuthorization(payment: id, amount: amount, at: at), order, policy)
        events += recorded.map { .order(orderID, $0) }
        if method == .storeCredit {
            let spend = MemberCommand.spendStoreCredit(amount, reason: "payment \(id)", at: at)
            events += try Member.decide(spend, states.member(placement.member)).map { .member(placement.member, $0) }
        }
        return events
    }

    /// Where an order may still be charged for an after-sale price difference.
    static let payableLater: [OrderStatus] = [.paid, .partiallyShipped, .shipped, .delivered, .completed]

    /// Applies a payment command (capture, void, refund, failure, provider callback) and its
    /// consequences on the order, its stock and the member.
    public static func decide(
        _ id: PaymentID, _ command: PaymentCommand, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        if case .authorize = command {
            throw .validation("open payments with PaymentFlow.authorize, which checks the order")
        }
        var payment = states.payment(id)
        let events = try Payment.decide(command, payment)
        var result = events.map { DomainEvent.payment(id, $0) }
        guard let orderID = payment.order, let member = payment.member else { return result }
        var order = states.order(orderID)
        for event in events {
            let before = payment
            payment = Payment.evolve(payment, event)
            let consequences = try followUp(event, id, before, orderID, member, order, states, policy)
            for case .order(_, let orderEvent) in consequences { order = Order.evolve(order, orderEvent) }
            result += consequences
        }
        return result
    }
}
