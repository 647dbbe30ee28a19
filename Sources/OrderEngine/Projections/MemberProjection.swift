import EventLog
import OrderDomain

/// Each member's account (profile, addresses, favourites, tier, points and store credit) and their
/// orders newest first, written in the same transaction as the events that change them. A batch's
/// order rows are written as one run beside `member-orders` and merged into it later (see
/// `MemberOrderRun`): the member's orders are the rows of both.
struct MemberProjection {
    static let memberTableName = "members"
    static let orderTableName = "member-orders"

    let members: LMDBTable
    let orders: LMDBTable
    /// Order rows of recent batches, not yet merged into `orders`; nil in a read-only log written
    /// before there were runs.
    let orderRuns: LMDBTable?

    init(log: LMDBEventLog) throws {
        members = try log.table(named: Self.memberTableName)
        orders = try log.table(named: Self.orderTableName)
        orderRuns = try log.tableIfPresent(named: MemberOrderRun.tableName)
    }

    /// Hands each stored run to `body`.
    private func forEachRun(reader: LMDBTableReader, _ body: (MemberOrderRun) throws -> Void) throws {
        guard let orderRuns else { return }
        try reader.forEach(orderRuns, from: nil) { _, value in
            try body(try MemberOrderRun(value))
            return true
        }
    }

    /// The state of every member an event of `events` names, handed to `add` with its table, and
    /// the order row of each order placed, handed to `addOrder`.
    func rows(
        events: some Sequence<DomainEvent>, states: some DomainStateReading,
        add: (InlineProjections.TableRow) -> Void, addOrder: (ProjectionRow) -> Void
    ) throws {
        var touched = Set<MemberID>()
        for event in events {
            switch event {
            case .member(let id, _):
                touched.insert(id)
            case .order(_, .placed(let placement)):
                addOrder(Self.orderRow(placement))
            case .catalog, .stock, .order, .payment, .shipment, .afterSale, .coupon:
                break
            }
        }
        for id in touched { add((members, try Self.memberRow(id, states: states))) }
    }

    /// Up to `limit` order rows of the member whose keys begin with `prefix`, from `start` on in
    /// key order (newest first), from `orders` and the runs waiting, each once.
    func orderRows(
        prefix: [UInt8], from start: [UInt8], limit: Int, reader: LMDBTableReader
    ) throws -> [(key: [UInt8], value: [UInt8])] {
        var found: [(key: [UInt8], value: [UInt8])] = []
        try start.withUnsafeBytes { start in
            try reader.forEach(orders, from: start) { key, value in
                guard key.starts(with: prefix), found.count < limit else { return false }
                found.append((Array(key), Array(value)))
                return true
            }
            try forEachRun(reader: reader) { run in
                var index = run.firstIndex(notBelow: start)
                var taken = 0
                while index < run.count, taken < limit, run.key(index).starts(with: prefix) {
                    found.append((Array(run.key(index)), Array(run.value(index))))
                    (index, taken) = (index + 1, taken + 1)
                }
            }
        }
        found.sort { MemberOrderRun.precedes($0.key, $1.key) }
        var unique: [(key: [UInt8], value: [UInt8])] = []
        for row in found where unique.last?.key != row.key {
            unique.append(row)
            if unique.count == limit { break }
        }
        return unique
    }

    /// Every stored order row, each key once unless a run holds another value for a key the table
    /// has (then both, so a comparison finds the difference): the table's rows in key order,
    /// then the rows of runs not yet merged, in key order. Stops when `body` returns false.
    func forEachStoredOrderRow(
        reader: LMDBTableReader, _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var waiting: [[UInt8]: [UInt8]] = [:]
        try forEachRun(reader: reader) { run in
            for index in 0..<run.count { waiting[Array(run.key(index))] = Array(run.value(index)) }
        }
        var going = true
        try reader.forEach(orders, from: nil) { key, value in
            let stored = Array(key)
            if let other = waiting[stored], other.elementsEqual(value) { waiting[stored] = nil }
            going = try body(key, value)
            return going
        }
        guard going else { return }
        let rest = waiting.sorted { MemberOrderRun.precedes($0.key, $1.key) }
        for (key, value) in rest {
            let going = try key.withUnsafeBytes { key in try value.withUnsafeBytes { try body(key, $0) } }
            if !going { return }
        }
    }

    func member(_ id: MemberID, reader: LMDBTableReader) throws -> MemberState? {
        var key = id.rawValue
        return try key.withUTF8 { key in
            try reader.get(members, key: UnsafeRawBufferPointer(key)).map { try MemberState(stored: $0, limits: .standard) }
        }
    }

    static func memberRow(_ id: MemberID, states: some DomainStateReading) throws -> ProjectionRow {
        ProjectionRow(table: memberTableName, key: Array(id.rawValue.utf8), value: try states.member(id).binaryBytes())
    }

    /// Member id, a zero byte, then the time placed counted down (big-endian) and the order id:
    /// LMDB's key order is then each member's orders, newest first. The value is the order id.
    static func orderRow(_ placement: OrderPlacement) -> ProjectionRow {
        var key = memberPrefix(placement.member)
        let countdown = UInt64(bitPattern: Int64.max - placement.placedAt.microsecondsSince1970)
        withUnsafeBytes(of: countdown.bigEndian) { key.append(contentsOf: $0) }
        key.append(contentsOf: placement.order.rawValue.utf8)
        return ProjectionRow(table: orderTableName, key: key, value: Array(placement.order.rawValue.utf8))
    }

    static func memberPrefix(_ member: MemberID) -> [UInt8] {
        Array(member.rawValue.utf8) + [0]
    }

    /// Every row a replay to `states` must find stored.
    static func allRows(_ states: DomainStates) throws -> [ProjectionRow] {
        try states.members.keys.map { try memberRow($0, states: states) }
            + states.orders.values.compactMap(\.placement).map(orderRow)
    }
}
