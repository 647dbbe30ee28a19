/// What can be asked of one coupon.
public enum CouponCommand: Sendable, Hashable, Codable {
    /// Create the coupon.
    case define(CouponDefinition, at: Timestamp)
    /// Stop further redemptions.
    case disable(at: Timestamp)
    /// Use the coupon for an order, within its window and limits.
    case redeem(order: OrderID, member: MemberID, at: Timestamp)
    /// Give a use back because its order was cancelled or expired.
    case release(order: OrderID, at: Timestamp)
}

/// What happened to one coupon; a storage format whose meaning never changes.
public enum CouponEvent: Sendable, Hashable, Codable {
    /// The coupon was created.
    case defined(CouponDefinition, at: Timestamp)
    /// The coupon was disabled.
    case disabled(at: Timestamp)
    /// An order used the coupon.
    case redeemed(order: OrderID, member: MemberID, at: Timestamp)
    /// An order's use was given back.
    case released(order: OrderID, member: MemberID, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .defined: 801
        case .disabled: 802
        case .redeemed: 803
        case .released: 804
        }
    }
}
