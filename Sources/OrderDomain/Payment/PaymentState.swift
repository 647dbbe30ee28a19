/// Where a payment stands.
public enum PaymentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not opened yet.
    case none
    /// Money authorized, nothing captured.
    case authorized
    /// Some or all of the authorization captured; refunds may follow.
    case captured
    /// Authorization dropped.
    case voided
    /// Failed before any capture.
    case failed
}

/// The current state of one payment, folded from its events.
public struct PaymentState: Sendable, Hashable, Codable {
    /// Where the payment stands.
    public internal(set) var status: PaymentStatus
    /// The order paid for.
    public internal(set) var order: OrderID?
    /// The payer.
    public internal(set) var member: MemberID?
    /// How the payer pays.
    public internal(set) var method: PaymentMethod?
    /// The currency of every amount.
    public internal(set) var currency: Currency?
    /// What the order owed when the payment opened, in minor units.
    public internal(set) var amountDueMinorUnits: Int64
    /// Authorized, in minor units.
    public internal(set) var authorizedMinorUnits: Int64
    /// Authorized and given up uncaptured, in minor units.
    public internal(set) var releasedMinorUnits: Int64
    /// Captured, in minor units; never above authorized less released.
    public internal(set) var capturedMinorUnits: Int64
    /// Refunded, in minor units; never above captured.
    public internal(set) var refundedMinorUnits: Int64
    /// Provider callbacks already applied.
    public internal(set) var providerEvents: Set<ProviderEventID>

    /// The state before any event.
    public static let initial = PaymentState(
        status: .none, order: nil, member: nil, method: nil, currency: nil, amountDueMinorUnits: 0,
        authorizedMinorUnits: 0, releasedMinorUnits: 0, capturedMinorUnits: 0, refundedMinorUnits: 0,
        providerEvents: [])

    /// Authorized and neither captured nor released: what a capture or release may still take.
    public var uncapturedMinorUnits: Int64 {
        guard status == .authorized || status == .captured else { return 0 }
        return authorizedMinorUnits - releasedMinorUnits - capturedMinorUnits
    }
}
