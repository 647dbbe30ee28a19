/// Every command the engine accepts, each routed to the decider or workflow that keeps all
/// aggregates it touches consistent.
///
/// Steps that belong to a workflow (reserving stock, redeeming a coupon, recording a capture
/// on an order) are not offered on their own, so no caller can bypass the workflow.
public enum DomainCommand: Sendable, Hashable, Codable {
    /// A catalog command for one SKU.
    case catalog(SKUID, CatalogCommand)
    /// A warehouse operation on one stock item: receive, expect, adjust, safety stock,
    /// fill a backorder, dispose of damaged units, book a transfer's arrival.
    case stock(StockItemID, StockCommand)
    /// Move units of a SKU between warehouses.
    case transferStock(sku: SKUID, from: WarehouseID, to: WarehouseID, quantity: Int64, at: Timestamp)
    /// A member command.
    case member(MemberID, MemberCommand)
    /// Define a coupon.
    case defineCoupon(CouponDefinition, at: Timestamp)
    /// Disable a coupon.
    case disableCoupon(CouponCode, at: Timestamp)
    /// Place an order.
    indirect case placeOrder(PlaceOrder)
    /// Cancel an order before shipment.
    case cancelOrder(OrderID, reason: String, at: Timestamp)
    /// Expire an unpaid order.
    case expireOrder(OrderID, at: Timestamp)
    /// Put an order on hold.
    case holdOrder(OrderID, reason: String, at: Timestamp)
    /// Release an order's hold.
    case releaseOrderHold(OrderID, at: Timestamp)
    /// Complete a delivered order.
    case completeOrder(OrderID, at: Timestamp)
    /// Open a payment for what an order owes: its total while unpaid, or an after-sale charge.
    case authorizePayment(PaymentID, order: OrderID, method: PaymentMethod, amount: Money, at: Timestamp)
    /// Capture, void, refund, fail or record a provider callback on a payment.
    case payment(PaymentID, PaymentCommand)
    /// Create a parcel for an order.
    case createShipment(ShipmentID, order: OrderID, warehouse: WarehouseID, lines: [LineQuantity], at: Timestamp)
    /// Assign a carrier, ship, record transit, deliver or cancel a parcel.
    case shipment(ShipmentID, ShipmentCommand)
    /// Open an after-sale case.
    case requestAfterSale(
        AfterSaleID, order: OrderID, member: MemberID, kind: AfterSaleKind, lines: [LineQuantity], reason: String,
        at: Timestamp)
    /// Approve, decline, receive goods for or close an after-sale case.
    case afterSale(AfterSaleID, AfterSaleCommand)
    /// Settle an after-sale case with a refund.
    case refundAfterSale(AfterSaleID, payment: PaymentID, amount: Money, at: Timestamp)
    /// Settle an exchange or claim with a replacement parcel.
    case arrangeReplacement(AfterSaleID, shipment: ShipmentID, warehouse: WarehouseID, at: Timestamp)
}
