/// What happened to one order; a storage format whose meaning never changes.
public enum OrderEvent: Sendable, Hashable, Codable {
    /// The order was placed and awaits payment.
    case placed(OrderPlacement)
    /// A payment captured money for the order.
    case paymentRecorded(payment: PaymentID, amount: Money, at: Timestamp)
    /// Captures cover the total due.
    case paid(at: Timestamp)
    /// A payment refunded money; `pointsReversed` earned points are taken back.
    case refundRecorded(payment: PaymentID, amount: Money, pointsReversed: Int64, at: Timestamp)
    /// The order was cancelled before shipment.
    case cancelled(reason: String, at: Timestamp)
    /// The order was not paid in time.
    case expired(at: Timestamp)
    /// Staff put the order on hold.
    case held(reason: String, at: Timestamp)
    /// Staff released the hold.
    case holdReleased(at: Timestamp)
    /// Units were assigned to a parcel.
    case shipmentAllocated(shipment: ShipmentID, lines: [LineQuantity], at: Timestamp)
    /// A parcel that never left was taken off the order.
    case shipmentAllocationCancelled(shipment: ShipmentID, at: Timestamp)
    /// A parcel left the warehouse.
    case shipmentShipped(shipment: ShipmentID, at: Timestamp)
    /// A parcel arrived.
    case shipmentDelivered(shipment: ShipmentID, at: Timestamp)
    /// The order was closed; the buyer earned `pointsEarned`.
    case completed(pointsEarned: Int64, at: Timestamp)
    /// Delivered units were set aside for an after-sale case.
    case returnReserved(afterSale: AfterSaleID, lines: [LineQuantity], at: Timestamp)
    /// Units set aside for an after-sale case were given back.
    case returnReleased(afterSale: AfterSaleID, at: Timestamp)
    /// The buyer owes an exchange's price difference on top of the order's total.
    case chargeAdded(afterSale: AfterSaleID, amount: Money, at: Timestamp)
    /// An unpaid charge was dropped because its replacement was cancelled.
    case chargeCancelled(afterSale: AfterSaleID, at: Timestamp)
    /// Captures cover the charge.
    case chargePaid(afterSale: AfterSaleID, at: Timestamp)
    /// A payment authorized money for the order.
    case paymentAuthorized(payment: PaymentID, amount: Money, at: Timestamp)
    /// A payment gave up money it had authorized and not captured.
    case authorizationReleased(payment: PaymentID, amount: Money, at: Timestamp)
    /// A replacement parcel reached the buyer; its units count as delivered.
    case replacementDelivered(afterSale: AfterSaleID, shipment: ShipmentID, lines: [LineQuantity], at: Timestamp)
    /// A charge paid after completion earned the buyer `points`.
    case chargePointsEarned(afterSale: AfterSaleID, points: Int64, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .placed: 301
        case .paymentRecorded: 302
        case .paid: 303
        case .refundRecorded: 304
        case .cancelled: 305
        case .expired: 306
        case .held: 307
        case .holdReleased: 308
        case .shipmentAllocated: 309
        case .shipmentAllocationCancelled: 310
        case .shipmentShipped: 311
        case .shipmentDelivered: 312
        case .completed: 313
        case .returnReserved: 314
        case .returnReleased: 315
        case .chargeAdded: 316
        case .chargeCancelled: 317
        case .chargePaid: 318
        case .paymentAuthorized: 319
        case .authorizationReleased: 320
        case .replacementDelivered: 321
        case .chargePointsEarned: 322
        }
    }
}
