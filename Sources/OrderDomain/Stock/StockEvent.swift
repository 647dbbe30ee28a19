/// What happened to one stock item; a storage format whose meaning never changes.
public enum StockEvent: Sendable, Hashable, Codable {
    /// Units arrived from a supplier.
    case received(quantity: Int64, at: Timestamp)
    /// Units were announced as on their way.
    case incomingExpected(quantity: Int64, at: Timestamp)
    /// On-hand units changed for a reason.
    case adjusted(delta: Int64, reason: AdjustmentReason, at: Timestamp)
    /// The safety stock level changed.
    case safetyStockSet(quantity: Int64, at: Timestamp)
    /// Units were reserved for an order; `backordered` of them are not yet in stock.
    case reserved(order: OrderID, quantity: Int64, backordered: Int64, expiresAt: Timestamp, at: Timestamp)
    /// An order's reserved units became committed on payment.
    case reservationCommitted(order: OrderID, quantity: Int64, at: Timestamp)
    /// Backordered units of an order were covered from stock.
    case backorderFilled(order: OrderID, quantity: Int64, at: Timestamp)
    /// Everything an order held here was given back.
    case reservationReleased(
        order: OrderID, reserved: Int64, committed: Int64, backordered: Int64, reason: ReleaseReason, at: Timestamp)
    /// Committed units left with a shipment.
    case shipmentDeducted(order: OrderID, shipment: ShipmentID, quantity: Int64, at: Timestamp)
    /// Units were committed for an after-sale replacement.
    case replacementAllocated(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Returned units went back on hand.
    case returnRestocked(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Returned units were booked as damaged.
    case returnWrittenOff(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)
    /// Damaged units were disposed of.
    case damagedDisposed(quantity: Int64, at: Timestamp)
    /// Units left for another warehouse.
    case transferredOut(quantity: Int64, to: WarehouseID, at: Timestamp)
    /// Units arrived from another warehouse.
    case transferredIn(quantity: Int64, from: WarehouseID, at: Timestamp)

    /// Units committed for an after-sale replacement went back to available: its parcel was
    /// cancelled before it left.
    case replacementReleased(order: OrderID, afterSale: AfterSaleID, quantity: Int64, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .received: 201
        case .incomingExpected: 202
        case .adjusted: 203
        case .safetyStockSet: 204
        case .reserved: 205
        case .reservationCommitted: 206
        case .backorderFilled: 207
        case .reservationReleased: 208
        case .shipmentDeducted: 209
        case .replacementAllocated: 210
        case .returnRestocked: 211
        case .returnWrittenOff: 212
        case .damagedDisposed: 213
        case .transferredOut: 214
        case .transferredIn: 215
        case .replacementReleased: 216
        }
    }
}
