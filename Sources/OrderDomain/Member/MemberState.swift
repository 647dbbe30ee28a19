/// Whether a member account exists.
public enum MemberStatus: String, Sendable, Hashable, Codable {
    /// Not registered.
    case none
    /// Registered.
    case active
}

/// The current state of one member account, folded from its events.
public struct MemberState: Sendable, Hashable, Codable {
    /// Whether the account exists.
    public internal(set) var status: MemberStatus
    /// The profile; nil before registration.
    public internal(set) var profile: MemberProfile?
    /// The address book, in the order entries were added.
    public internal(set) var addresses: [AddressBookEntry]
    /// The default address, if any.
    public internal(set) var defaultAddress: AddressID?
    /// Favourite SKUs, in the order they were added.
    public internal(set) var favourites: [SKUID]
    /// The loyalty tier.
    public internal(set) var tier: MemberTier
    /// Points available; never negative.
    public internal(set) var pointsBalance: Int64
    /// Store credit available, in minor units; never negative.
    public internal(set) var storeCreditMinorUnits: Int64
    /// The store credit's currency, fixed by the first credit.
    public internal(set) var storeCreditCurrency: Currency?

    /// The state before any event.
    public static let initial = MemberState(
        status: .none, profile: nil, addresses: [], defaultAddress: nil, favourites: [], tier: .standard,
        pointsBalance: 0, storeCreditMinorUnits: 0, storeCreditCurrency: nil)
}
