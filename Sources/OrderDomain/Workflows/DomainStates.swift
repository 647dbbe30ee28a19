/// Every aggregate's state in memory, folded from domain events: the reference fold for
/// tests and replays, and a simple `DomainStateReading`.
public struct DomainStates: Sendable, Hashable, DomainStateReading {
    /// Catalog SKUs by id.
    public internal(set) var catalogs: [SKUID: CatalogState] = [:]
    /// Stock items by id.
    public internal(set) var stocks: [StockItemID: StockState] = [:]
    /// Warehouses per SKU, ascending.
    public internal(set) var warehousesBySKU: [SKUID: [WarehouseID]] = [:]
    /// Orders by id.
    public internal(set) var orders: [OrderID: OrderState] = [:]
    /// Payments by id.
    public internal(set) var payments: [PaymentID: PaymentState] = [:]
    /// Shipments by id.
    public internal(set) var shipments: [ShipmentID: ShipmentState] = [:]
    /// After-sale cases by id.
    public internal(set) var afterSales: [AfterSaleID: AfterSaleState] = [:]
    /// Members by id.
    public internal(set) var members: [MemberID: MemberState] = [:]
    /// Coupons by code.
    public internal(set) var coupons: [CouponCode: CouponState] = [:]

    /// No aggregate has any event yet.
    public init() {}

    /// States restored from a store, such as a snapshot; `warehousesBySKU` must list, in ascending
    /// order, every warehouse with a stock item in `stocks`.
    public init(
        catalogs: [SKUID: CatalogState], stocks: [StockItemID: StockState], warehousesBySKU: [SKUID: [WarehouseID]],
        orders: [OrderID: OrderState], payments: [PaymentID: PaymentState], shipments: [ShipmentID: ShipmentState],
        afterSales: [AfterSaleID: AfterSaleState], members: [MemberID: MemberState], coupons: [CouponCode: CouponState]
    ) {
        self.catalogs = catalogs
        self.stocks = stocks
        self.warehousesBySKU = warehousesBySKU
        self.orders = orders
        self.payments = payments
        self.shipments = shipments
        self.afterSales = afterSales
        self.members = members
        self.coupons = coupons
    }

    /// Folds one event into the state of its aggregate. The event is consumed, so that what it
    /// carries (an order's lines, a parcel's tracking) moves into the state rather than being
    /// copied there and released with the event.
    public mutating func apply(_ event: consuming DomainEvent) {
        switch consume event {
        case .catalog(let id, let event):
            catalogs[id] = Catalog.evolve(catalog(id), event)
        case .stock(let id, let event):
            if let index = stocks.index(forKey: id) {
                Stock.evolve(&stocks.values[index], event)
            } else {
                addWarehouse(id)
                stocks[id] = Stock.evolve(.initial, event)
            }
        case .order(let id, let event):
            Order.evolve(&orders[id, default: .initial], event)
        case .payment(let id, let event):
            Payment.evolve(&payments[id, default: .initial], event)
        case .shipment(let id, let event):
            Shipment.evolve(&shipments[id, default: .initial], event)
        case .afterSale(let id, let event):
            afterSales[id] = AfterSale.evolve(afterSale(id), event)
        case .member(let id, let event):
            members[id] = Member.evolve(member(id), event)
        case .coupon(let id, let event):
            coupons[id] = Coupon.evolve(coupon(id), event)
        }
    }

    /// Makes room for `orderCount` orders in all, and for as many payments and parcels (most shops
    /// see about one of each per order), so a fold that creates them does not grow their tables
    /// one doubling at a time, moving every entry at each. Room left unused costs address space
    /// rather than memory: the pages of a table's empty slots are never touched. With `half`, only
    /// the tables of that half.
    public mutating func reserveCapacity(orders orderCount: Int, in half: Half? = nil) {
        if half != .fulfilment {
            orders.reserveCapacity(orderCount)
        }
        if half != .orders {
            payments.reserveCapacity(orderCount)
            shipments.reserveCapacity(orderCount)
        }
    }

    /// Makes room for `count` open holds in a stock item's reservations, when the item has a state
    /// (returns whether it had one). A hot SKU's holds grow one at a time to hundreds of thousands;
    /// a fold that knows about how many it ends with sizes the table once instead of moving every
    /// hold at each doubling.
    @discardableResult
    public mutating func reserveCapacity(reservations count: Int, in item: StockItemID) -> Bool {
        guard let index = stocks.index(forKey: item) else { return false }
        stocks.values[index].reservations.reserveCapacity(count)
        return true
    }

    /// Folds events in order.
    public mutating func apply(_ events: [DomainEvent]) {
        for event in events { apply(event) }
    }

    private mutating func addWarehouse(_ id: StockItemID) {
        var list = warehousesBySKU[id.sku] ?? []
        let index = list.firstIndex { $0 > id.warehouse } ?? list.endIndex
        list.insert(id.warehouse, at: index)
        warehousesBySKU[id.sku] = list
    }

    /// The state of a catalog SKU.
    public func catalog(_ id: SKUID) -> CatalogState { catalogs[id] ?? .initial }
    /// The state of one stock item.
    public func stock(_ id: StockItemID) -> StockState { stocks[id] ?? .initial }
    /// Every warehouse with a stock item for the SKU, ascending.
    public func warehouses(stocking sku: SKUID) -> [WarehouseID] { warehousesBySKU[sku] ?? [] }
    /// The state of an order.
    public func order(_ id: OrderID) -> OrderState { orders[id] ?? .initial }
    /// The state of a payment.
    public func payment(_ id: PaymentID) -> PaymentState { payments[id] ?? .initial }
    /// The state of a shipment.
    public func shipment(_ id: ShipmentID) -> ShipmentState { shipments[id] ?? .initial }
    /// The state of an after-sale case.
    public func afterSale(_ id: AfterSaleID) -> AfterSaleState { afterSales[id] ?? .initial }
    /// The state of a member account.
    public func member(_ id: MemberID) -> MemberState { members[id] ?? .initial }
    /// The state of a coupon.
    public func coupon(_ code: CouponCode) -> CouponState { coupons[code] ?? .initial }
}

extension DomainStates {
    /// One of two disjoint sets of tables. `apply` changes the table of the event's own aggregate
    /// and reads no other (a stock event also keeps `warehousesBySKU`), so two folds may take a
    /// log's events apart by half, fold each half into states of their own at the same time, and
    /// join the two (`init(orders:fulfilment:)`) into what one fold of every event would give.
    public enum Half: Int, Sendable, CaseIterable {
        /// Orders, catalog SKUs, members, coupons and after-sale cases.
        case orders
        /// Payments, shipments and stock items.
        case fulfilment

        /// The half whose tables `event` changes.
        public init(of event: borrowing DomainEvent) {
            switch event {
            case .order, .catalog, .member, .coupon, .afterSale: self = .orders
            case .payment, .shipment, .stock: self = .fulfilment
            }
        }
    }

    /// The tables of the `orders` half from `orders`, the others from `fulfilment`: two folds of
    /// the same events taken apart by `Half`, joined.
    public init(orders: consuming DomainStates, fulfilment: consuming DomainStates) {
        self = orders
        stocks = fulfilment.stocks
        warehousesBySKU = fulfilment.warehousesBySKU
        payments = fulfilment.payments
        shipments = fulfilment.shipments
    }
}
