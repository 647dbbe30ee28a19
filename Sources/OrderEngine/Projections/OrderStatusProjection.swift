import EventLog
import OrderDomain

/// Each order's view, kept in LMDB and written in the same transaction as the events that change
/// it. An event of a payment, parcel or after-sale case updates the view of the order it names.
struct OrderStatusProjection {
    static let tableName = "orders"

    let orders: LMDBTable

    init(log: LMDBEventLog) throws {
        orders = try log.table(named: Self.tableName)
    }

    /// How many orders had a stored view when the projection was last written, and at most
    /// `limit` (each order has at least one event, so a log cut at position `limit` holds no
    /// more). Zero when a read-only log has no such table.
    static func storedOrderCount(_ log: LMDBEventLog, atMost limit: UInt64) throws -> Int {
        let table: LMDBTable
        do {
            table = try log.table(named: tableName)
        } catch EventLogError.invalidRequest {
            return 0
        }
        let count = try log.withSnapshot { try $0.entryCount(table) }
        return Int(min(UInt64(count), limit))
    }

    /// An order a batch changes: the aggregates its events link to it, and whether the batch
    /// placed it (then no view of it is stored yet).
    struct TouchedOrder {
        var links = OrderLinks()
        var placedInBatch = false
    }

    /// The orders `events` change, with the aggregates each event links to its order.
    static func touchedOrders(by events: some Sequence<DomainEvent>, states: some DomainStateReading) -> [OrderID: TouchedOrder] {
        var touched: [OrderID: TouchedOrder] = [:]
        for event in events {
            switch event {
            case .order(let id, .placed):
                touched[id, default: TouchedOrder()].placedInBatch = true
            case .order(let id, _):
                touched[id] = touched[id] ?? TouchedOrder()
            case .payment(let id, _):
                if let order = states.payment(id).order { touched[order, default: TouchedOrder()].links.payments.insert(id) }
            case .shipment(let id, _):
                if let order = states.shipment(id).order { touched[order, default: TouchedOrder()].links.shipments.insert(id) }
            case .afterSale(let id, _):
                if let order = states.afterSale(id).order { touched[order, default: TouchedOrder()].links.afterSales.insert(id) }
            case .catalog, .stock, .member, .coupon:
                break
            }
        }
        return touched
    }

    /// The new view of every touched order, with new links merged into the stored ones. An order
    /// placed in this batch has no stored view (an order's stream starts with its placement and
    /// nothing links to an order before it exists), so its view is not looked up.
    func views(
        touched: [OrderID: TouchedOrder], states: some DomainStateReading, reader: LMDBTableReader
    ) throws -> [OrderID: OrderView] {
        var views: [OrderID: OrderView] = [:]
        views.reserveCapacity(touched.count)
        for (id, order) in touched {
            assert(!order.placedInBatch || (try? storedLinks(id, reader: reader)) == nil, "\(id) placed twice")
            var links = order.placedInBatch ? OrderLinks() : try storedLinks(id, reader: reader) ?? OrderLinks()
            links.formUnion(order.links)
            views[id] = OrderView(id, states: states, links: links)
        }
        return views
    }

    func storedView(_ id: OrderID, reader: LMDBTableReader) throws -> OrderView? {
        var key = id.rawValue
        return try key.withUTF8 { key in
            guard let bytes = try reader.get(orders, key: UnsafeRawBufferPointer(key)) else { return nil }
            return try OrderView(stored: bytes, limits: .standard)
        }
    }

    /// The links of the stored view, read without decoding its states.
    func storedLinks(_ id: OrderID, reader: LMDBTableReader) throws -> OrderLinks? {
        var key = id.rawValue
        return try key.withUTF8 { key throws -> OrderLinks? in
            guard let bytes = try reader.get(orders, key: UnsafeRawBufferPointer(key)) else { return nil }
            return try OrderLinks(storedView: bytes, limits: .standard)
        }
    }

    /// Room reserved for a row up front: a paid order with one payment and one parcel takes
    /// about 270 bytes.
    static let rowByteCountExpected = 512

    static func row(_ id: OrderID, links: OrderLinks, states: some DomainStateReading) throws -> ProjectionRow {
        try row(OrderView(id, states: states, links: links))
    }

    static func row(_ view: OrderView) throws -> ProjectionRow {
        let value = try view.binaryBytes(byteCountExpected: rowByteCountExpected)
        return ProjectionRow(table: tableName, key: Array(view.id.rawValue.utf8), value: value)
    }

    /// Every row a replay to `states` must find stored.
    static func allRows(_ states: DomainStates) throws -> [ProjectionRow] {
        let links = OrderLinks.all(in: states)
        return try Set(states.orders.keys).union(links.keys).map { id in
            try row(id, links: links[id] ?? OrderLinks(), states: states)
        }
    }
}

extension OrderLinks {
    mutating func formUnion(_ other: OrderLinks) {
        payments.formUnion(other.payments)
        shipments.formUnion(other.shipments)
        afterSales.formUnion(other.afterSales)
    }

    /// Every order's links, from the aggregates that name it.
    static func all(in states: DomainStates) -> [OrderID: OrderLinks] {
        var links: [OrderID: OrderLinks] = [:]
        for (id, payment) in states.payments { if let order = payment.order { links[order, default: OrderLinks()].payments.insert(id) } }
        for (id, shipment) in states.shipments { if let order = shipment.order { links[order, default: OrderLinks()].shipments.insert(id) } }
        for (id, afterSale) in states.afterSales {
            if let order = afterSale.order { links[order, default: OrderLinks()].afterSales.insert(id) }
        }
        return links
    }
}
