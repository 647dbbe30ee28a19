/// Any aggregate's event together with the stream it belongs to, so a workflow can hand the
/// engine every event of one command for one atomic append.
///
/// Catalog, member and coupon events are boxed: they are few in a shop's log, and the largest, so
/// holding them inline made every event, of every kind, as large as a member's new address.
public enum DomainEvent: Sendable, Hashable, Codable {
    /// An event of a catalog SKU.
    indirect case catalog(SKUID, CatalogEvent)
    /// An event of a stock item.
    case stock(StockItemID, StockEvent)
    /// An event of an order.
    case order(OrderID, OrderEvent)
    /// An event of a payment.
    case payment(PaymentID, PaymentEvent)
    /// An event of a shipment.
    case shipment(ShipmentID, ShipmentEvent)
    /// An event of an after-sale case.
    case afterSale(AfterSaleID, AfterSaleEvent)
    /// An event of a member account.
    indirect case member(MemberID, MemberEvent)
    /// An event of a coupon.
    indirect case coupon(CouponCode, CouponEvent)

    /// The stream the event is appended to.
    public var streamId: String {
        switch self {
        case .catalog(let id, _): id.streamId
        case .stock(let id, _): id.streamId
        case .order(let id, _): id.streamId
        case .payment(let id, _): id.streamId
        case .shipment(let id, _): id.streamId
        case .afterSale(let id, _): id.streamId
        case .member(let id, _): id.streamId
        case .coupon(let id, _): id.streamId
        }
    }

    /// The event's stable type tag, unique across every aggregate (hundreds name the aggregate).
    public var typeTag: UInt16 {
        switch self {
        case .catalog(_, let event): event.typeTag
        case .stock(_, let event): event.typeTag
        case .order(_, let event): event.typeTag
        case .payment(_, let event): event.typeTag
        case .shipment(_, let event): event.typeTag
        case .afterSale(_, let event): event.typeTag
        case .member(_, let event): event.typeTag
        case .coupon(_, let event): event.typeTag
        }
    }
}
