/// What happened to one member account; a storage format whose meaning never changes.
public enum MemberEvent: Sendable, Hashable, Codable {
    /// The account was opened.
    case registered(MemberProfile, at: Timestamp)
    /// The profile was replaced.
    case profileUpdated(MemberProfile, at: Timestamp)
    /// An address was added.
    case addressAdded(AddressID, PostalAddress, at: Timestamp)
    /// An address was replaced.
    case addressChanged(AddressID, PostalAddress, at: Timestamp)
    /// An address was removed.
    case addressRemoved(AddressID, at: Timestamp)
    /// The default address changed.
    case defaultAddressSet(AddressID, at: Timestamp)
    /// A favourite was added.
    case favouriteAdded(SKUID, at: Timestamp)
    /// A favourite was removed.
    case favouriteRemoved(SKUID, at: Timestamp)
    /// The tier changed.
    case tierChanged(from: MemberTier, to: MemberTier, at: Timestamp)
    /// Points were earned on a completed order.
    case pointsEarned(order: OrderID, points: Int64, at: Timestamp)
    /// Points were spent at checkout.
    case pointsRedeemed(order: OrderID, points: Int64, at: Timestamp)
    /// Spent points came back after a cancellation or expiry.
    case pointsRestored(order: OrderID, points: Int64, at: Timestamp)
    /// Earned points were taken back after a refund.
    case pointsReversed(order: OrderID, points: Int64, at: Timestamp)
    /// Store credit was added.
    case storeCreditAdded(Money, reason: String, at: Timestamp)
    /// Store credit was spent.
    case storeCreditSpent(Money, reason: String, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .registered: 701
        case .profileUpdated: 702
        case .addressAdded: 703
        case .addressChanged: 704
        case .addressRemoved: 705
        case .defaultAddressSet: 706
        case .favouriteAdded: 707
        case .favouriteRemoved: 708
        case .tierChanged: 709
        case .pointsEarned: 710
        case .pointsRedeemed: 711
        case .pointsRestored: 712
        case .pointsReversed: 713
        case .storeCreditAdded: 714
        case .storeCreditSpent: 715
        }
    }
}
