/// Whether a coupon can be used.
public enum CouponStatus: String, Sendable, Hashable, Codable {
    /// Not defined.
    case none
    /// Redeemable within its window and limits.
    case active
    /// No longer redeemable; uses can still be released.
    case disabled
}

/// The current state of one coupon, folded from its events.
public struct CouponState: Sendable, Hashable, Codable {
    /// Whether it can be used.
    public internal(set) var status: CouponStatus
    /// Its terms; nil before definition.
    public internal(set) var definition: CouponDefinition?
    /// Uses held by orders; never above the usage limit.
    public internal(set) var used: Int64
    /// Uses per member; never above the per-member limit.
    public internal(set) var usesByMember: [MemberID: Int64]
    /// Which member each using order belongs to, so a release gives back the right use once.
    public internal(set) var redemptions: [OrderID: MemberID]

    /// The state before any event.
    public static let initial = CouponState(
        status: .none, definition: nil, used: 0, usesByMember: [:], redemptions: [:])
}
