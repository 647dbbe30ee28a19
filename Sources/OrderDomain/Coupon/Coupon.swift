/// The coupon decider: its terms and every use, so limits can never be exceeded.
public enum Coupon {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: CouponCommand, _ state: CouponState) throws(Refusal) -> [CouponEvent] {
        switch command {
        case .define(let definition, let at):
            guard state.status == .none else { throw Refusal(.alreadyExists, "coupon \(definition.code) exists") }
            try definition.validate()
            return [.defined(definition, at: at)]
        case .disable(let at):
            guard state.status == .active else { throw .invalidTransition("disable", from: state.status) }
            return [.disabled(at: at)]
        case .redeem(let order, let member, let at):
            try checkRedeemable(state, member: member, at: at)
            guard state.redemptions[order] == nil else { throw Refusal(.alreadyExists, "order \(order) used it") }
            return [.redeemed(order: order, member: member, at: at)]
        case .release(let order, let at):
            guard state.status != .none else { throw Refusal(.notFound, "coupon is not defined") }
            guard let member = state.redemptions[order] else {
                throw Refusal(.notFound, "order \(order) did not use it")
            }
            return [.released(order: order, member: member, at: at)]
        }
    }

    /// Refuses a use outside the window, when disabled or over a limit.
    public static func checkRedeemable(_ state: CouponState, member: MemberID, at: Timestamp) throws(Refusal) {
        guard state.status == .active, let definition = state.definition else {
            throw Refusal(.couponNotApplicable, "coupon is \(state.status.rawValue)")
        }
        guard at >= definition.validFrom, at < definition.validUntil else {
            throw Refusal(
                .couponNotApplicable, "coupon is valid from \(definition.validFrom) until \(definition.validUntil)")
        }
        guard state.used < definition.usageLimit else { throw Refusal(.couponExhausted, "coupon is used up") }
        guard state.usesByMember[member, default: 0] < definition.perMemberLimit else {
            throw Refusal(.couponMemberLimitReached, "member \(member) used it \(definition.perMemberLimit) times")
        }
    }

    /// Folds one event into the state.
    public static func evolve(_ state: CouponState, _ event: CouponEvent) -> CouponState {
        var next = state
        switch event {
        case .defined(let definition, _):
            next.status = .active
            next.definition = definition
        case .disabled:
            next.status = .disabled
        case .redeemed(let order, let member, _):
            next.used += 1
            next.usesByMember[member, default: 0] += 1
            next.redemptions[order] = member
        case .released(let order, let member, _):
            next.used -= 1
            let uses = next.usesByMember[member, default: 0] - 1
            next.usesByMember[member] = uses > 0 ? uses : nil
            next.redemptions[order] = nil
        }
        return next
    }
}
