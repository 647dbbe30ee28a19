/// What can be asked of one member account.
public enum MemberCommand: Sendable, Hashable, Codable {
    /// Open the account at the standard tier.
    case register(MemberProfile, at: Timestamp)
    /// Replace the profile.
    case updateProfile(MemberProfile, at: Timestamp)
    /// Add an address; the first one becomes the default.
    case addAddress(AddressID, PostalAddress, at: Timestamp)
    /// Replace an address.
    case changeAddress(AddressID, PostalAddress, at: Timestamp)
    /// Remove an address; removing the default leaves no default.
    case removeAddress(AddressID, at: Timestamp)
    /// Make an address the default.
    case setDefaultAddress(AddressID, at: Timestamp)
    /// Remember a SKU as a favourite.
    case addFavourite(SKUID, at: Timestamp)
    /// Forget a favourite.
    case removeFavourite(SKUID, at: Timestamp)
    /// Move the member to another tier.
    case changeTier(MemberTier, at: Timestamp)
    /// Award points for a completed order.
    case earnPoints(order: OrderID, points: Int64, at: Timestamp)
    /// Spend points at checkout.
    case redeemPoints(order: OrderID, points: Int64, at: Timestamp)
    /// Give back points spent on an order that was cancelled or expired.
    case restorePoints(order: OrderID, points: Int64, at: Timestamp)
    /// Take back points earned on an order that was refunded.
    case reversePoints(order: OrderID, points: Int64, at: Timestamp)
    /// Add store credit.
    case addStoreCredit(Money, reason: String, at: Timestamp)
    /// Spend store credit.
    case spendStoreCredit(Money, reason: String, at: Timestamp)
}
