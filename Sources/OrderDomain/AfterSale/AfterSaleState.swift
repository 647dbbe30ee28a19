/// Where an after-sale case stands.
public enum AfterSaleStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not opened.
    case none
    /// Opened, waiting for staff.
    case requested
    /// Accepted.
    case approved
    /// Refused.
    case declined
    /// Returned units arrived.
    case goodsReceived = "goods_received"
    /// A replacement is arranged, but the buyer owes the price difference first.
    case awaitingDifference = "awaiting_difference"
    /// Settled by refund or replacement.
    case resolved
    /// Closed.
    case closed
}

/// The current state of one after-sale case, folded from its events.
public struct AfterSaleState: Sendable, Hashable, Codable {
    /// Where it stands.
    public internal(set) var status: AfterSaleStatus
    /// The order it concerns.
    public internal(set) var order: OrderID?
    /// The buyer.
    public internal(set) var member: MemberID?
    /// Return, exchange or claim.
    public internal(set) var kind: AfterSaleKind?
    /// Units concerned.
    public internal(set) var lines: [LineQuantity]
    /// Whether returned units arrived.
    public internal(set) var goodsReceived: Bool
    /// Money refunded, in minor units.
    public internal(set) var refundedMinorUnits: Int64
    /// The replacement parcel, if any.
    public internal(set) var replacementShipment: ShipmentID?
    /// What the buyer owes (positive) or was owed (negative) for an exchange; quoted at the
    /// first arrangement and kept for any later one.
    public internal(set) var priceDifference: Money?
    /// Whether the price difference was refunded or paid.
    public internal(set) var differenceSettled: Bool

    /// The state before any event.
    public static let initial = AfterSaleState(
        status: .none, order: nil, member: nil, kind: nil, lines: [], goodsReceived: false, refundedMinorUnits: 0,
        replacementShipment: nil, priceDifference: nil, differenceSettled: false)
}
