/// Why stock on hand was adjusted outside the normal order flow.
public enum AdjustmentReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A booking error fixed by hand; either direction.
    case correction
    /// A physical count differed from the books; either direction.
    case cycleCount = "cycle_count"
    /// Units found damaged in the warehouse; they move from on hand to damaged.
    case damage
    /// Units lost or stolen; only downwards.
    case shrinkage
    /// Units found that were not on the books; only upwards.
    case found
}

/// Why a reservation was released.
public enum ReleaseReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The order was cancelled before shipment.
    case cancelled
    /// The order was not paid in time.
    case expired
}

/// What can be asked of one stock item (one SKU in one warehouse).
public enum StockCommand: Sendable, Hashable, Codable {
    /// Book units received from a supplier.
    case receive(quantity: Int64, at: Timestamp)
    /// Record units on their way (a purchase order or a transfer).
    case expectIncoming(quantity: Int64, at: Timestamp)
    /// Change on-hand units for a reason; `delta` is signed.
    case adjust(delta: Int64, reason: AdjustmentReason, at: Timestamp)
    /// Keep this many units out of what can be sold.
    case setSafetyStock(quantity: Int64, at: Timestamp)
    /// Hold units for an unpaid order until `expiresAt`; any excess is backordered if allowed.
    case reserve(order: OrderID, quantity: Int64, expiresAt: Timestamp, backorderAllowed: Bool, at: Timestamp)
    /// Turn an order's reservation into a commitment because it was paid.
    case commit(order: OrderID, at: Timestamp)
    /// Cover backordered units of an order from stock now available.
    case fillBackorder(order: OrderID, quantity: Int64, at: Timestamp)
    /// Give back everything an order still holds here.
    case release(order: OrderID, reason: ReleaseReason, at: Timestamp)
    /// Take committed units off the shelf because a shipment left.
    case deductForShipment(order: OrderID, shipment: ShipmentID, quantity: Int64, at: Timestamp)
    /// Commit units for a replacement sent under an after-sale case.
    case allocateReplacement(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Give back units committed for a replacement whose parcel was cancelled before it left.
    case releaseReplacement(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Put returned units in good condition back on hand.
    case restockReturn(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Book returned units that arrived damaged as damaged, never sellable.
    case writeOffReturn(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Dispose of damaged units.
    case disposeDamaged(quantity: Int64, at: Timestamp)
    /// Send units to another warehouse.
    case transferOut(quantity: Int64, to: WarehouseID, at: Timestamp)
    /// Receive units sent from another warehouse.
    case transferIn(quantity: Int64, from: WarehouseID, at: Timestamp)
}
