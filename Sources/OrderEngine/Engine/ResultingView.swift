import OrderDomain

/// What an accepted command leaves behind, as the queries show it: the caller sees the effect of
/// its command without a second round trip. It is the view as the command's batch wrote it, so a
/// later command of the same batch on the same order or account shows in it too.
public enum ResultingView: Sendable, Hashable {
    /// Commands on an order, its payments, parcels and after-sale cases: the order's view.
    indirect case order(OrderView)
    /// Member commands: the account.
    case member(MemberID, MemberState)
    /// Stock commands and transfers: the SKU's counts overall and per warehouse.
    case stock(SKUStock)
    /// Catalog commands: the SKU as listed.
    case catalog(SKUID, CatalogState)
    /// Coupon commands: the coupon.
    case coupon(CouponCode, CouponState)
}

/// Which view a command's outcome carries.
enum ViewSubject {
    case order(OrderID)
    case member(MemberID)
    case stock(SKUID)
    case catalog(SKUID)
    case coupon(CouponCode)

    /// The subject of `command`, reading which order a payment, parcel or case belongs to from
    /// `states` (after the command's events).
    init?(_ command: DomainCommand, states: some DomainStateReading) {
        switch command {
        case .catalog(let sku, _): self = .catalog(sku)
        case .stock(let item, _): self = .stock(item.sku)
        case .transferStock(let sku, _, _, _, _): self = .stock(sku)
        case .member(let id, _): self = .member(id)
        case .defineCoupon(let definition, _): self = .coupon(definition.code)
        case .disableCoupon(let code, _): self = .coupon(code)
        case .placeOrder(let placement): self = .order(placement.order)
        case .cancelOrder(let id, _, _), .expireOrder(let id, _), .holdOrder(let id, _, _), .releaseOrderHold(let id, _),
            .completeOrder(let id, _):
            self = .order(id)
        case .authorizePayment(_, let order, _, _, _), .createShipment(_, let order, _, _, _):
            self = .order(order)
        case .requestAfterSale(_, let order, _, _, _, _, _):
            self = .order(order)
        case .payment(let id, _):
            guard let order = states.payment(id).order else { return nil }
            self = .order(order)
        case .shipment(let id, _):
            guard let order = states.shipment(id).order else { return nil }
            self = .order(order)
        case .afterSale(let id, _), .refundAfterSale(let id, _, _, _), .arrangeReplacement(let id, _, _, _):
            guard let order = states.afterSale(id).order else { return nil }
            self = .order(order)
        }
    }

    /// The view, with order views taken from `orderViews` (those a batch wrote) or else `storedOrder`.
    func view(
        states: some DomainStateReading,
        orderViews: [OrderID: OrderView],
        storedOrder: (OrderID) -> OrderView?
    ) -> ResultingView? {
        switch self {
        case .order(let id): (orderViews[id] ?? storedOrder(id)).map(ResultingView.order)
        case .member(let id): .member(id, states.member(id))
        case .catalog(let sku): .catalog(sku, states.catalog(sku))
        case .coupon(let code): .coupon(code, states.coupon(code))
        case .stock(let sku):
            .stock(
                states.warehouses(stocking: sku).reduce(into: SKUStock(sku: sku, total: StockCounts(), byWarehouse: [:])) { stock, warehouse in
                    let counts = StockCounts(states.stock(StockItemID(sku: sku, warehouse: warehouse)))
                    stock.total = stock.total + counts
                    stock.byWarehouse[warehouse] = counts
                })
        }
    }
}
