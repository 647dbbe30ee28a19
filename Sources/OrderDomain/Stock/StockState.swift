/// What one order holds in one stock item; removed once nothing is held.
public struct Reservation: Sendable, Hashable, Codable {
    /// Units held for the unpaid order.
    public internal(set) var reserved: Int64
    /// Units held for the paid order, not yet shipped.
    public internal(set) var committed: Int64
    /// Units promised beyond stock, waiting for goods.
    public internal(set) var backordered: Int64
    /// When an unpaid hold may be released by expiry.
    public internal(set) var expiresAt: Timestamp
    /// Whether the order was paid, so new units go straight to committed.
    public internal(set) var paid: Bool

    var isEmpty: Bool { reserved == 0 && committed == 0 && backordered == 0 }
}

/// The counters of one SKU in one warehouse, plus the open holds per order.
public struct StockState: Sendable, Hashable, Codable {
    /// Units physically in the warehouse and sellable.
    public internal(set) var onHand: Int64
    /// Units held for unpaid orders.
    public internal(set) var reserved: Int64
    /// Units held for paid orders awaiting shipment.
    public internal(set) var committed: Int64
    /// Units kept back from sale.
    public internal(set) var safetyStock: Int64
    /// Damaged units held, not sellable.
    public internal(set) var damaged: Int64
    /// Units on their way.
    public internal(set) var incoming: Int64
    /// Units promised beyond stock.
    public internal(set) var backordered: Int64
    /// Open holds by order; an entry disappears once its order holds nothing here.
    public internal(set) var reservations: [OrderID: Reservation]

    /// The state before any event: nothing anywhere.
    public static let initial = StockState(
        onHand: 0, reserved: 0, committed: 0, safetyStock: 0, damaged: 0, incoming: 0, backordered: 0,
        reservations: [:])

    /// Units that can still be promised to a new order; never negative.
    public var available: Int64 { onHand - reserved - committed - safetyStock }
}
