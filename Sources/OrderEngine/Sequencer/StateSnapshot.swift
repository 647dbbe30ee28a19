import EventLog
import OrderDomain

/// The sequencer's whole in-memory state at a log position, stored beside the log so that a
/// restart folds only the events after it instead of the whole log.
///
/// Written by the sequencer at a batch boundary (so the state is exactly the log's up to
/// `position`) every `EngineOptions.snapshotEventInterval` events and when the engine closes. A
/// snapshot that does not decode, or that claims a position past the log's end, is ignored:
/// the engine then folds the whole log, as it would without one.
struct StateSnapshot {
    static let tableName = "engine-snapshot"
    static let key = Array("states".utf8)
    static let deadlinesKey = Array("payment-deadlines".utf8)

    let table: LMDBTable

    init(log: LMDBEventLog) throws {
        table = try log.table(named: Self.tableName)
    }

    /// Stores `states` and the payment deadlines of unpaid orders as they stand at `position`.
    func write(_ states: DomainStates, paymentDeadlines: [PaymentDeadline], position: UInt64, to log: LMDBEventLog) throws {
        var value = withUnsafeBytes(of: position.littleEndian) { Array($0) }
        value += try SnapshotPayload.bytes(of: states)
        let deadlines = try BinaryEncoder(limits: .snapshot).encode(paymentDeadlines)
        _ = try log.commit([]) { [table] _, writer in
            try Self.key.withUnsafeBytes { key in try value.withUnsafeBytes { try writer.put(table, key: key, value: $0) } }
            try Self.deadlinesKey.withUnsafeBytes { key in try deadlines.withUnsafeBytes { try writer.put(table, key: key, value: $0) } }
        }
    }

    /// The stored state, deadlines and position, or nil when there is none usable (a snapshot
    /// written before deadlines were stored with it is not).
    func read(from log: LMDBEventLog, lastPosition: UInt64) -> (states: DomainStates, paymentDeadlines: [PaymentDeadline], position: UInt64)? {
        try? log.withSnapshot { reader in
            try Self.key.withUnsafeBytes { key in
                guard let value = try reader.get(table, key: key), value.count >= 8 else { return nil }
                let position = UInt64(littleEndian: value.loadUnaligned(as: UInt64.self))
                guard position <= lastPosition else { return nil }
                guard let stored = try Self.deadlinesKey.withUnsafeBytes({ try reader.get(table, key: $0) }) else { return nil }
                let deadlines = try BinaryDecoder(limits: .snapshot).decode([PaymentDeadline].self, from: stored)
                let payload = try BinaryDecoder(limits: .snapshot).decode(SnapshotPayload.self, from: UnsafeRawBufferPointer(rebasing: value[8...]))
                return (try payload.states(), deadlines, position)
            }
        }
    }
}

/// The snapshot's stored shape: each table of states as a list of entries, in whatever order the
/// dictionaries hold them. A snapshot need not be byte-for-byte reproducible, so it skips sorting
/// the tables by encoded key, which made writing one three times slower.
struct SnapshotPayload: Codable {
    struct Entry<Key: Codable & Hashable, Value: Codable>: Codable {
        var key: Key
        var value: Value
    }

    var catalogs: [Entry<SKUID, CatalogState>]
    var stocks: [Entry<StockItemID, StockState>]
    var warehousesBySKU: [Entry<SKUID, [WarehouseID]>]
    var orders: [Entry<OrderID, OrderState>]
    var payments: [Entry<PaymentID, PaymentState>]
    var shipments: [Entry<ShipmentID, ShipmentState>]
    var afterSales: [Entry<AfterSaleID, AfterSaleState>]
    var members: [Entry<MemberID, MemberState>]
    var coupons: [Entry<CouponCode, CouponState>]

    init(_ states: DomainStates) {
        func entries<Key, Value>(_ table: [Key: Value]) -> [Entry<Key, Value>] { table.map { Entry(key: $0.key, value: $0.value) } }
        catalogs = entries(states.catalogs)
        stocks = entries(states.stocks)
        warehousesBySKU = entries(states.warehousesBySKU)
        orders = entries(states.orders)
        payments = entries(states.payments)
        shipments = entries(states.shipments)
        afterSales = entries(states.afterSales)
        members = entries(states.members)
        coupons = entries(states.coupons)
    }

    /// The states, refusing a payload that names one aggregate twice.
    func states() throws -> DomainStates {
        func table<Key, Value>(_ entries: [Entry<Key, Value>]) throws -> [Key: Value] {
            var table: [Key: Value] = [:]
            table.reserveCapacity(entries.count)
            for entry in entries where table.updateValue(entry.value, forKey: entry.key) != nil {
                throw EventCodecError.malformed("the snapshot names \(entry.key) twice")
            }
            return table
        }
        return DomainStates(
            catalogs: try table(catalogs), stocks: try table(stocks), warehousesBySKU: try table(warehousesBySKU),
            orders: try table(orders), payments: try table(payments), shipments: try table(shipments),
            afterSales: try table(afterSales), members: try table(members), coupons: try table(coupons))
    }
}

extension BinaryCodingLimits {
    /// A snapshot holds every aggregate: its collections are as large as the shop.
    static let snapshot = BinaryCodingLimits(stringByteCountMax: 1 << 20, collectionCountMax: 1 << 28, nestingDepthMax: 64)
}
