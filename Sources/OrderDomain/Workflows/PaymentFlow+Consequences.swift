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
            result += try OrderFlow.creditChargePoints(recorded, orderID, states)
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
            guard let currency = payment.currency, payment.uncapturedMinorUnits > 0 else { return [] }
            let amount = Money(minorUnits: payment.uncapturedMinorUnits, currency: currency)
            return try released(amount, paymentID, payment, orderID, member, order, at, states, policy)
        case .authorizationReleased(let amount, let at):
            return try released(amount, paymentID, payment, orderID, member, order, at, states, policy)
        }
    }

    /// Money a payment gives up uncaptured leaves the order's open authorizations and goes
    /// back to the member when it was store credit.
    static func released(
        _ amount: Money, _ paymentID: PaymentID, _ payment: PaymentState, _ orderID: OrderID, _ member: MemberID,
        _ order: OrderState, _ at: Timestamp, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        var result: [DomainEvent] = []
        if order.authorizationIndex(paymentID) != nil {
            let release = OrderCommand.releaseAuthorization(payment: paymentID, amount: amount, at: at)
            result += try Order.decide(release, order, policy).map { .order(orderID, $0) }
        }
        if payment.method == .storeCredit { result += try returnStoreCredit(amount, member, at, states) }
        return result
    }

    /// Gives up uncaptured authorizations, newest first, until the order's payments hold no
    /// more than it owes; an authorization given up whole is voided.
    static func releaseExcess(
        _ orderID: OrderID, _ order: OrderState, _ at: Timestamp, _ states: some DomainStateReading,
        _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        var excess = order.openAuthorizedMinorUnits - order.amountDueMinorUnits
        var result: [DomainEvent] = []
        for authorization in order.authorizations.reversed() where excess > 0 {
            let payment = states.payment(authorization.payment)
            let take = min(excess, payment.uncapturedMinorUnits)
            guard take > 0, let currency = payment.currency else { continue }
            let command: PaymentCommand =
                payment.status == .authorized && take == payment.uncapturedMinorUnits
                ? .void(at: at) : .releaseAuthorization(amount: Money(minorUnits: take, currency: currency), at: at)
            result += try decide(authorization.payment, command, states, policy)
            excess -= take
        }
        return result
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
