/// Where a parcel stands.
public enum ShipmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not created.
    case none
    /// Created, still in the warehouse.
    case created
    /// Handed to the carrier.
    case shipped
    /// The carrier reported it on its way.
    case inTransit = "in_transit"
    /// Arrived.
    case delivered
    /// Cancelled before it left.
    case cancelled
}

/// The current state of one parcel, folded from its events.
public struct ShipmentState: Sendable, Hashable, Codable {
    /// Where it stands.
    public internal(set) var status: ShipmentStatus
    /// The order it belongs to.
    public internal(set) var order: OrderID?
    /// The warehouse it leaves from.
    public internal(set) var warehouse: WarehouseID?
    /// Units in it.
    public internal(set) var lines: [LineQuantity]
    /// Why it is sent.
    public internal(set) var kind: ShipmentKind
    /// The carrier, once assigned.
    public internal(set) var carrier: String?
    /// The tracking number, once assigned.
    public internal(set) var trackingNumber: String?
    /// The last location the carrier reported.
    public internal(set) var lastLocation: String?
    /// How many in-transit updates were recorded.
    public internal(set) var transitUpdateCount: Int

    /// The state before any event.
    public static let initial = ShipmentState(
        status: .none, order: nil, warehouse: nil, lines: [], kind: .order, carrier: nil, trackingNumber: nil,
        lastLocation: nil, transitUpdateCount: 0)
}
