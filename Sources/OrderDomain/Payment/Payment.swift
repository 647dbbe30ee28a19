/// The payment decider: authorization, capture, void, refund and provider callbacks.
public enum Payment {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: PaymentCommand, _ state: PaymentState) throws(Refusal) -> [PaymentEvent] {
        switch command {
        case .authorize(let order, let member, let method, let amount, let amountDue, let at):
            guard state.status == .none else { throw Refusal(.alreadyExists, "payment is already open") }
            try Validation.amount(amount, "amount")
            try Validation.amount(amountDue, "amount due")
            try Validation.sameCurrency(amount, amountDue.currency)
            guard amount.minorUnits <= amountDue.minorUnits else {
                throw Refusal(.amountExceedsDue, "\(amount.minorUnits) authorized, \(amountDue.minorUnits) due")
            }
            return [
                .authorized(order: order, member: member, method: method, amount: amount, amountDue: amountDue, at: at)
            ]
        case .capture(let amount, let at):
            try requireAmount(amount, state, in: [.authorized, .captured], "capture")
            try requireUncaptured(amount, state)
            return [.captured(amount: amount, at: at)]
        case .releaseAuthorization(let amount, let at):
            try requireAmount(amount, state, in: [.authorized, .captured], "releaseAuthorization")
            try requireUncaptured(amount, state)
            return [.authorizationReleased(amount: amount, at: at)]
        case .void(let at):
            guard state.status == .authorized else { throw .invalidTransition("void", from: state.status) }
            return [.voided(at: at)]
        case .refund(let amount, let at):
            try requireAmount(amount, state, in: [.authorized, .captured], "refund")
            guard amount.minorUnits <= state.capturedMinorUnits - state.refundedMinorUnits else {
                throw Refusal(
                    .amountExceedsCaptured, "\(state.capturedMinorUnits - state.refundedMinorUnits) refundable")
            }
            return [.refunded(amount: amount, at: at)]
        case .fail(let reason, let at):
            try Validation.text(reason, "reason")
            guard state.status == .authorized else { throw .invalidTransition("fail", from: state.status) }
            return [.failed(reason: reason, at: at)]
        case .recordCallback(let providerEvent, let outcome, let at):
            return try decideCallback(providerEvent, outcome, at, state)
        }
    }

    static func requireAmount(
        _ amount: Money, _ state: PaymentState, in allowed: [PaymentStatus], _ command: StaticString
    ) throws(Refusal) {
        guard allowed.contains(state.status), let currency = state.currency else {
            throw .invalidTransition(command, from: state.status)
        }
        try Validation.amount(amount, "amount")
        try Validation.sameCurrency(amount, currency)
    }

    static func requireUncaptured(_ amount: Money, _ state: PaymentState) throws(Refusal) {
        guard amount.minorUnits <= state.uncapturedMinorUnits else {
            throw Refusal(.amountExceedsAuthorized, "\(state.uncapturedMinorUnits) authorized and not captured")
        }
    }

    static func decideCallback(
        _ providerEvent: ProviderEventID, _ outcome: CallbackOutcome, _ at: Timestamp, _ state: PaymentState
    ) throws(Refusal) -> [PaymentEvent] {
        guard !state.providerEvents.contains(providerEvent) else { return [] }
        guard state.providerEvents.count < Limits.callbacksPerPaymentMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.callbacksPerPaymentMax) callbacks per payment")
        }
        let applied: [PaymentEvent]
        switch outcome {
        case .captured(let amount): applied = try decide(.capture(amount: amount, at: at), state)
        case .refunded(let amount): applied = try decide(.refund(amount: amount, at: at), state)
        case .voided: applied = try decide(.void(at: at), state)
        case .failed(let reason): applied = try decide(.fail(reason: reason, at: at), state)
        }
        return [.callbackRecorded(providerEvent: providerEvent, at: at)] + applied
    }
}
