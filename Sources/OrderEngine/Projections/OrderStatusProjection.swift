import EventLog
import OrderDomain

/// Each order's view, kept in LMDB and written in the same transaction as the events that change
/// it. An event of a payment, parcel or after-sale case updates the view of the order it names.
struct OrderStatusProjection {
    static let tableName = "orders"

    let orders: LMDBTable
    private let encoder = BinaryEncoder()
    private let decoder = BinaryDecoder()

    init(log: LMDBEventLog) throws {
        orders = try log.table(named: Self.tableName)
    }

    /// The orders `events` change, with the aggregates each event links to its order.
    static func touchedOrders(by events: some Sequence<DomainEvent>, states: DomainStates) -> [OrderID: OrderLinks] {
        var touched: [OrderID: OrderLinks] = [:]
        for event in events {
            switch event {
            case .order(let id, _):
                touched[id, default: OrderLinks()] = touched[id] ?? OrderLinks()
            case .payment(let id, _):
                if let order = states.payment(id).order { touched[order, default: OrderLinks()].payments.insert(id) }
            case .shipment(let id, _):
                if let order = states.shipment(id).order { touched[order, default: OrderLinks()].shipments.insert(id) }
            case .afterSale(let id, _):
                if let order = states.afterSale(id).order { touched[order, default: OrderLinks()].afterSales.insert(id) }
            case .catalog, .stock, .member, .coupon:
                break
            }
        }
        return touched
    }

    /// Rewrites the view of every touched order, merging new links into the stored ones.
    func write(touched: [OrderID: OrderLinks], states: DomainStates, into writer: inout LMDBTableWriter) throws {
        for (id, newLinks) in touched {
            var links = try storedView(id, reader: writer.reader).map(Self.links(of:)) ?? OrderLinks()
            links.payments.formUnion(newLinks.payments)
            links.shipments.formUnion(newLinks.shipments)
            links.afterSales.formUnion(newLinks.afterSales)
            let view = OrderView(id, states: states, links: links)
            let bytes = try encoder.encode(view)
            var key = id.rawValue
            try key.withUTF8 { key in
                try bytes.withUnsafeBytes { try writer.put(orders, key: UnsafeRawBufferPointer(key), value: $0) }
            }
        }
    }

    func storedView(_ id: OrderID, reader: LMDBTableReader) throws -> OrderView? {
        var key = id.rawValue
        return try key.withUTF8 { key in
            guard let bytes = try reader.get(orders, key: UnsafeRawBufferPointer(key)) else { return nil }
            return try decoder.decode(OrderView.self, from: bytes)
        }
    }

    static func links(of view: OrderView) -> OrderLinks {
        OrderLinks(payments: Set(view.payments.keys), shipments: Set(view.shipments.keys), afterSales: Set(view.afterSales.keys))
    }
}
