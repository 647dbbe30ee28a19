/// What can be asked of one order.
public enum OrderCommand: Sendable, Hashable, Codable {
    /// Create the order from a checkout placement; it then awaits payment.
    case place(OrderPlacement)
    /// Count money a payment authorized, refused when the order's payments would hold more
    /// than it owes.
    case recordAuthorization(payment: PaymentID, amount: Money, at: Timestamp)
    /// Count money a payment gave up uncaptured, so other payments can take its place.
    case releaseAuthorization(payment: PaymentID, amount: Money, at: Timestamp)
    /// Count money captured by a payment; the order becomes paid once captures cover the total.
    case recordPayment(payment: PaymentID, amount: Money, at: Timestamp)
    /// Count money refunded by a payment; earned points are reversed in proportion.
    case recordRefund(payment: PaymentID, amount: Money, at: Timestamp)
    /// Cancel before anything ships.
    case cancel(reason: String, at: Timestamp)
    /// Expire an order left unpaid past its deadline.
    case expire(at: Timestamp)
    /// Stop the order from moving on while staff look at it.
    case hold(reason: String, at: Timestamp)
    /// Let a held order move on again.
    case releaseHold(at: Timestamp)
    /// Assign units to a new parcel.
    case allocateShipment(shipment: ShipmentID, lines: [LineQuantity], at: Timestamp)
    /// Take a parcel that never left back off the order.
    case cancelShipment(shipment: ShipmentID, at: Timestamp)
    /// Record that a parcel left the warehouse.
    case recordShipped(shipment: ShipmentID, at: Timestamp)
    /// Record that a parcel arrived.
    case recordDelivered(shipment: ShipmentID, at: Timestamp)
    /// Close a delivered order; the buyer earns points.
    case complete(at: Timestamp)
    /// Set aside delivered units for a return, exchange or claim, so none is returned twice.
    case reserveReturn(afterSale: AfterSaleID, lines: [LineQuantity], at: Timestamp)
    /// Give back units set aside for an after-sale case that was declined or withdrawn.
    case releaseReturn(afterSale: AfterSaleID, at: Timestamp)
    /// Count a delivered replacement parcel's units as delivered, so a faulty replacement can
    /// be claimed or returned in turn.
    case recordReplacementDelivered(
        afterSale: AfterSaleID, shipment: ShipmentID, lines: [LineQuantity], at: Timestamp)
    /// Raise what the buyer owes by an exchange's price difference, to be paid by a new payment.
    case addCharge(afterSale: AfterSaleID, amount: Money, at: Timestamp)
    /// Drop an unpaid charge because the replacement it was for was cancelled.
    case cancelCharge(afterSale: AfterSaleID, at: Timestamp)
}
