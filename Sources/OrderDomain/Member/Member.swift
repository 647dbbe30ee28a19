/// The member decider: profile, address book, favourites, tier, points and store credit.
public enum Member {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: MemberCommand, _ state: MemberState) throws(Refusal) -> [MemberEvent] {
        if case .register(let profile, let at) = command {
            guard state.status == .none else { throw Refusal(.alreadyExists, "member is already registered") }
            try profile.validate()
            return [.registered(profile, at: at)]
        }
        guard state.status == .active else { throw Refusal(.notFound, "member is not registered") }
        switch command {
        case .register:
            preconditionFailure("handled above")
        case .updateProfile(let profile, let at):
            try profile.validate()
            return [.profileUpdated(profile, at: at)]
        case .addAddress, .changeAddress, .removeAddress, .setDefaultAddress:
            return try decideAddress(command, state)
        case .addFavourite(let sku, let at):
            guard !state.favourites.contains(sku) else { throw Refusal(.alreadyExists, "\(sku) is a favourite") }
            guard state.favourites.count < Limits.favouriteCountMax else {
                throw Refusal(.limitExceeded, "at most \(Limits.favouriteCountMax) favourites")
            }
            return [.favouriteAdded(sku, at: at)]
        case .removeFavourite(let sku, let at):
            guard state.favourites.contains(sku) else { throw Refusal(.notFound, "\(sku) is not a favourite") }
            return [.favouriteRemoved(sku, at: at)]
        case .changeTier(let tier, let at):
            guard tier != state.tier else { throw .invalidTransition("changeTier to the current tier", from: tier) }
            return [.tierChanged(from: state.tier, to: tier, at: at)]
        case .earnPoints, .redeemPoints, .restorePoints, .reversePoints:
            return [try decidePoints(command, state)]
        case .addStoreCredit(let amount, let reason, let at):
            try checkCredit(amount, reason, state)
            _ = try Validation.add(state.storeCreditMinorUnits, amount.minorUnits, "store credit")
            return [.storeCreditAdded(amount, reason: reason, at: at)]
        case .spendStoreCredit(let amount, let reason, let at):
            try checkCredit(amount, reason, state)
            guard amount.minorUnits <= state.storeCreditMinorUnits else {
                throw Refusal(
                    .insufficientStoreCredit, "\(state.storeCreditMinorUnits) available, \(amount.minorUnits) asked")
            }
            return [.storeCreditSpent(amount, reason: reason, at: at)]
        }
    }

    static func checkCredit(_ amount: Money, _ reason: String, _ state: MemberState) throws(Refusal) {
        try Validation.amount(amount, "amount")
        try Validation.text(reason, "reason")
        if let currency = state.storeCreditCurrency { try Validation.sameCurrency(amount, currency) }
    }
}
