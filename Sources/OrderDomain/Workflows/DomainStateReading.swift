/// Read access to the current state of any aggregate, which cross-aggregate workflows need.
///
/// The engine implements it over its in-memory states; `DomainStates` implements it for
/// tests and replays. An aggregate never seen reads as its `initial` state.
public protocol DomainStateReading {
    /// The state of a catalog SKU.
    func catalog(_ id: SKUID) -> CatalogState
    /// The state of one stock item.
    func stock(_ id: StockItemID) -> StockState
    /// Every warehouse with a stock item for the SKU, in ascending id order.
    func warehouses(stocking sku: SKUID) -> [WarehouseID]
    /// The state of an order.
    func order(_ id: OrderID) -> OrderState
    /// The state of a payment.
    func payment(_ id: PaymentID) -> PaymentState
    /// The state of a shipment.
    func shipment(_ id: ShipmentID) -> ShipmentState
    /// The state of an after-sale case.
    func afterSale(_ id: AfterSaleID) -> AfterSaleState
    /// The state of a member account.
    func member(_ id: MemberID) -> MemberState
    /// The state of a coupon.
    func coupon(_ code: CouponCode) -> CouponState
}
