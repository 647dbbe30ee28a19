extension Order {
    /// The order's payments together never hold more than it owes, so two payments opened at
    /// once cannot both take the whole amount.
    static func decideAuthorization(
        _ payment: PaymentID, _ amount: Money, _ at: Timestamp, _ state: OrderState, _ placement: OrderPlacement
    ) throws(Refusal) -> OrderEvent {
        try Validation.amount(amount, "amount")
        try Validation.sameCurrency(amount, placement.currency)
        guard state.authorizationIndex(payment) == nil else {
            throw Refusal(.alreadyExists, "payment \(payment) is already authorized for the order")
        }
        guard state.authorizations.count < Limits.paymentsPerOrderMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.paymentsPerOrderMax) payments per order")
        }
        let open = state.openAuthorizedMinorUnits
        let held = try Validation.add(open, amount.minorUnits, "authorized amount")
        guard held <= state.amountDueMinorUnits else {
            throw Refusal(
                .amountExceedsDue,
                "payments hold \(open) of \(state.amountDueMinorUnits) due, \(amount.minorUnits) more asked")
        }
        return .paymentAuthorized(payment: payment, amount: amount, at: at)
    }

    static func decideRelease(
        _ payment: PaymentID, _ amount: Money, _ at: Timestamp, _ state: OrderState, _ placement: OrderPlacement
    ) throws(Refusal) -> OrderEvent {
        try Validation.amount(amount, "amount")
        try Validation.sameCurrency(amount, placement.currency)
        guard let index = state.authorizationIndex(payment) else {
            throw Refusal(.notFound, "payment \(payment) authorized nothing for the order")
        }
        let uncaptured = state.authorizations[index].uncapturedMinorUnits
        guard amount.minorUnits <= uncaptured else {
            throw Refusal(.amountExceedsAuthorized, "\(uncaptured) authorized and not captured")
        }
        return .authorizationReleased(payment: payment, amount: amount, at: at)
    }

    /// A capture never takes the order past what it owes, nor past what its payment holds;
    /// once the order is paid, a capture settles whole charges only, so cancelling an unpaid
    /// charge never leaves captured money beyond the amount due.
    static func requireCapturable(
        _ payment: PaymentID, _ amount: Money, _ paid: Int64, _ state: OrderState, _ at: Timestamp
    ) throws(Refusal) {
        guard paid <= state.amountDueMinorUnits else {
            throw Refusal(
                .amountExceedsDue, "\(state.paidMinorUnits) of \(state.amountDueMinorUnits) due already captured")
        }
        if let index = state.authorizationIndex(payment) {
            let uncaptured = state.authorizations[index].uncapturedMinorUnits
            guard amount.minorUnits <= uncaptured else {
                throw Refusal(.amountExceedsAuthorized, "\(uncaptured) authorized and not captured")
            }
        }
        guard state.status != .awaitingPayment else { return }
        let recorded = evolve(state, .paymentRecorded(payment: payment, amount: amount, at: at))
        guard settleCharges(recorded, at).leftoverMinorUnits == 0 else {
            throw Refusal(.chargePartlyPaid, "a capture on a paid order must settle whole charges")
        }
    }
}
