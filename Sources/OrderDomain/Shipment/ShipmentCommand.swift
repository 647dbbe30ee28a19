/// Why a parcel is sent.
public enum ShipmentKind: Sendable, Hashable, Codable {
    /// Units of the order itself.
    case order
    /// Replacement units for an after-sale case.
    case replacement(AfterSaleID)
}

/// What can be asked of one parcel.
public enum ShipmentCommand: Sendable, Hashable, Codable {
    /// Create a parcel for some units of an order from one warehouse.
    case create(order: OrderID, warehouse: WarehouseID, lines: [LineQuantity], kind: ShipmentKind, at: Timestamp)
    /// Name the carrier and tracking number.
    case assignCarrier(carrier: String, trackingNumber: String, at: Timestamp)
    /// Hand the parcel to the carrier.
    case markShipped(at: Timestamp)
    /// Record where the carrier says the parcel is.
    case recordTransit(location: String, at: Timestamp)
    /// Record that the parcel arrived.
    case markDelivered(at: Timestamp)
    /// Cancel a parcel that has not left.
    case cancel(reason: String, at: Timestamp)
}

/// What happened to one parcel; a storage format whose meaning never changes.
public enum ShipmentEvent: Sendable, Hashable, Codable {
    /// The parcel was created.
    case created(order: OrderID, warehouse: WarehouseID, lines: [LineQuantity], kind: ShipmentKind, at: Timestamp)
    /// A carrier and tracking number were assigned.
    case carrierAssigned(carrier: String, trackingNumber: String, at: Timestamp)
    /// The parcel left the warehouse.
    case shipped(at: Timestamp)
    /// The carrier reported a location.
    case inTransit(location: String, at: Timestamp)
    /// The parcel arrived.
    case delivered(at: Timestamp)
    /// The parcel was cancelled before it left.
    case cancelled(reason: String, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .created: 501
        case .carrierAssigned: 502
        case .shipped: 503
        case .inTransit: 504
        case .delivered: 505
        case .cancelled: 506
        }
    }
}
