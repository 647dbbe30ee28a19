/// Names one aggregate instance: what a stream holds.
public enum AggregateID: Sendable, Hashable {
    case catalog(SKUID)
    case stock(StockItemID)
    case order(OrderID)
    case payment(PaymentID)
    case shipment(ShipmentID)
    case afterSale(AfterSaleID)
    case member(MemberID)
    case coupon(CouponCode)
}

extension DomainEvent {
    /// The aggregate whose stream the event belongs to.
    public var aggregate: AggregateID {
        switch self {
        case .catalog(let id, _): .catalog(id)
        case .stock(let id, _): .stock(id)
        case .order(let id, _): .order(id)
        case .payment(let id, _): .payment(id)
        case .shipment(let id, _): .shipment(id)
        case .afterSale(let id, _): .afterSale(id)
        case .member(let id, _): .member(id)
        case .coupon(let id, _): .coupon(id)
        }
    }
}

extension DomainStates {
    /// Drops one aggregate's state, as if none of its events had been applied. A writer whose
    /// commit failed forgets what the batch touched and folds those streams again from the
    /// durable log, so memory never runs ahead of the log, and the success path keeps no copies.
    public mutating func forget(_ aggregate: AggregateID) {
        switch aggregate {
        case .catalog(let id): catalogs[id] = nil
        case .stock(let id):
            stocks[id] = nil
            warehousesBySKU[id.sku]?.removeAll { $0 == id.warehouse }
            if warehousesBySKU[id.sku]?.isEmpty == true { warehousesBySKU[id.sku] = nil }
        case .order(let id): orders[id] = nil
        case .payment(let id): payments[id] = nil
        case .shipment(let id): shipments[id] = nil
        case .afterSale(let id): afterSales[id] = nil
        case .member(let id): members[id] = nil
        case .coupon(let id): coupons[id] = nil
        }
    }
}
