import EventLog
import OrderDomain

/// Each member's account (profile, addresses, favourites, tier, points and store credit) and their
/// orders newest first, written in the same transaction as the events that change them.
struct MemberProjection {
    static let memberTableName = "members"
    static let orderTableName = "member-orders"

    let members: LMDBTable
    let orders: LMDBTable
    private let encoder = BinaryEncoder()
    private let decoder = BinaryDecoder()

    init(log: LMDBEventLog) throws {
        members = try log.table(named: Self.memberTableName)
        orders = try log.table(named: Self.orderTableName)
    }

    /// Stores the state of every member an event of `events` names, and each placed order under
    /// its member.
    func write(events: some Sequence<DomainEvent>, states: DomainStates, into writer: inout LMDBTableWriter) throws {
        var touched = Set<MemberID>()
        for event in events {
            switch event {
            case .member(let id, _):
                touched.insert(id)
            case .order(let id, .placed(let placement)):
                let key = Self.orderKey(member: placement.member, placedAt: placement.placedAt, order: id)
                var order = id.rawValue
                try key.withUnsafeBytes { key in
                    try order.withUTF8 { try writer.put(orders, key: key, value: UnsafeRawBufferPointer($0)) }
                }
            case .catalog, .stock, .order, .payment, .shipment, .afterSale, .coupon:
                break
            }
        }
        for id in touched {
            let bytes = try encoder.encode(states.member(id))
            var key = id.rawValue
            try key.withUTF8 { key in
                try bytes.withUnsafeBytes { try writer.put(members, key: UnsafeRawBufferPointer(key), value: $0) }
            }
        }
    }

    func member(_ id: MemberID, reader: LMDBTableReader) throws -> MemberState? {
        var key = id.rawValue
        return try key.withUTF8 { key in
            try reader.get(members, key: UnsafeRawBufferPointer(key)).map { try decoder.decode(MemberState.self, from: $0) }
        }
    }

    /// Member id, a zero byte, then the time placed counted down (big-endian) and the order id:
    /// LMDB's key order is then each member's orders, newest first.
    static func orderKey(member: MemberID, placedAt: Timestamp, order: OrderID) -> [UInt8] {
        var key = Array(member.rawValue.utf8)
        key.append(0)
        withUnsafeBytes(of: UInt64(bitPattern: Int64.max - placedAt.microsecondsSince1970).bigEndian) { key.append(contentsOf: $0) }
        key.append(contentsOf: order.rawValue.utf8)
        return key
    }

    static func memberPrefix(_ member: MemberID) -> [UInt8] {
        Array(member.rawValue.utf8) + [0]
    }
}
