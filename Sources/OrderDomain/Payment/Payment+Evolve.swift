extension Payment {
    /// Folds one event into the state.
    public static func evolve(_ state: PaymentState, _ event: PaymentEvent) -> PaymentState {
        var next = state
        evolve(&next, event)
        return next
    }

    /// Folds one event into the state in place: its provider events are inserted into, not copied.
    public static func evolve(_ next: inout PaymentState, _ event: consuming PaymentEvent) {
        switch consume event {
        case .authorized(let order, let member, let method, let amount, let amountDue, _):
            next.status = .authorized
            next.order = order
            next.member = member
            next.method = method
            next.currency = amount.currency
            next.amountDueMinorUnits = amountDue.minorUnits
            next.authorizedMinorUnits = amount.minorUnits
        case .captured(let amount, _):
            next.status = .captured
            next.capturedMinorUnits += amount.minorUnits
        case .voided:
            next.status = .voided
        case .refunded(let amount, _):
            next.refundedMinorUnits += amount.minorUnits
        case .failed:
            next.status = .failed
        case .authorizationReleased(let amount, _):
            next.releasedMinorUnits += amount.minorUnits
        case .callbackRecorded(let providerEvent, _):
            next.providerEvents.insert(providerEvent)
        }
    }
}
