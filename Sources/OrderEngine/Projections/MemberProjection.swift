import EventLog
import OrderDomain

/// Each member's account (profile, addresses, favourites, tier, points and store credit) and their
/// orders newest first, written in the same transaction as the events that change them.
struct MemberProjection {
    static let memberTableName = "members"
    static let orderTableName = "member-orders"

    let members: LMDBTable
    let orders: LMDBTable

    init(log: LMDBEventLog) throws {
        members = try log.table(named: Self.memberTableName)
        orders = try log.table(named: Self.orderTableName)
    }

    /// The state of every member an event of `events` names, and each placed order under its
    /// member, handed to `add` with its table.
    func rows(
        events: some Sequence<DomainEvent>, states: some DomainStateReading, add: (InlineProjections.TableRow) -> Void
    ) throws {
        var touched = Set<MemberID>()
        for event in events {
            switch event {
            case .member(let id, _):
                touched.insert(id)
            case .order(_, .placed(let placement)):
                add((orders, Self.orderRow(placement)))
            case .catalog, .stock, .order, .payment, .shipment, .afterSale, .coupon:
                break
            }
        }
        for id in touched { add((members, try Self.memberRow(id, states: states))) }
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
