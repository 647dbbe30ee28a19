extension PaymentFlow {
    static func followUp(
        _ event: PaymentEvent, _ paymentID: PaymentID, _ payment: PaymentState, _ orderID: OrderID, _ member: MemberID,
        _ order: OrderState,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        switch event {
        case .authorized, .callbackRecorded:
            return []
        case .captured(let amount, let at):
            let recorded = try Order.decide(.recordPayment(payment: paymentID, amount: amount, at: at), order, policy)
            var result = recorded.map { DomainEvent.order(orderID, $0) }
            if recorded.contains(.paid(at: at)) { result += try commitStock(order, at, states) }
            for case .chargePaid(let afterSale, _) in recorded {
                let paid = try AfterSale.decide(.recordDifferencePaid(at: at), states.afterSale(afterSale))
                result += paid.map { .afterSale(afterSale, $0) }
            }
            return result
        case .refunded(let amount, let at):
            let recorded = try Order.decide(.recordRefund(payment: paymentID, amount: amount, at: at), order, policy)
            var result = recorded.map { DomainEvent.order(orderID, $0) }
            let memberState = states.member(member)
            for case .refundRecorded(_, _, let points, _) in recorded where points > 0 && memberState.pointsBalance > 0
            {
                let reverse = MemberCommand.reversePoints(
                    order: orderID, points: min(points, memberState.pointsBalance), at: at)
                result += try Member.decide(reverse, memberState).map { .member(member, $0) }
            }
            if payment.method == .storeCredit { result += try returnStoreCredit(amount, member, at, states) }
            return result
        case .voided(let at), .failed(_, let at):
            guard payment.method == .storeCredit, let currency = payment.currency else { return [] }
            let amount = Money(minorUnits: payment.authorizedMinorUnits, currency: currency)
            return try returnStoreCredit(amount, member, at, states)
        }
    }

    static func commitStock(_ order: OrderState, _ at: Timestamp, _ states: some DomainStateReading) throws(Refusal)
        -> [DomainEvent]
    {
        guard let placement = order.placement else { return [] }
        var result: [DomainEvent] = []
        for allocation in placement.allocations {
            let item = states.stock(allocation.item)
            guard let reservation = item.reservations[placement.order], !reservation.paid else { continue }
            result += try Stock.decide(.commit(order: placement.order, at: at), item).map {
                .stock(allocation.item, $0)
            }
        }
        return result
    }

    static func returnStoreCredit(
        _ amount: Money, _ member: MemberID, _ at: Timestamp, _ states: some DomainStateReading
    ) throws(Refusal) -> [DomainEvent] {
        let credit = MemberCommand.addStoreCredit(amount, reason: "payment returned", at: at)
        return try Member.decide(credit, states.member(member)).map { .member(member, $0) }
    }
}
