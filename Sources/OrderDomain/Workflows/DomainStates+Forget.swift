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

extension AggregateID {
    /// What `Dictionary` and `Set` hash: the id's own `IDHash`, seeded by the table's seed and the
    /// kind of aggregate, so an order and a payment of the same name fall apart. The synthesized
    /// hash went through SipHash, which the writer paid for every new order id it looked up.
    /// Consistent with the synthesized `==`.
    public func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .catalog(let id): id._rawHashValue(seed: seed ^ 0x1)
        case .stock(let id): id._rawHashValue(seed: seed ^ 0x2)
        case .order(let id): id._rawHashValue(seed: seed ^ 0x3)
        case .payment(let id): id._rawHashValue(seed: seed ^ 0x4)
        case .shipment(let id): id._rawHashValue(seed: seed ^ 0x5)
        case .afterSale(let id): id._rawHashValue(seed: seed ^ 0x6)
        case .member(let id): id._rawHashValue(seed: seed ^ 0x7)
        case .coupon(let id): id._rawHashValue(seed: seed ^ 0x8)
        }
    }
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
