import EventLog
import OrderDomain

/// A page of a member's orders, newest first.
public struct OrderPage: Sendable, Hashable {
    public var orders: [OrderView]
    /// Pass as `after` to get the next page; nil on the last page.
    public var nextCursor: String?
}

extension OrderEngine {
    /// The view of one order, nil when no such order exists.
    public func order(_ id: OrderID) throws -> OrderView? {
        try log.withSnapshot { reader in try projections.orders.storedView(id, reader: reader) }
    }

    /// A member's account, nil when no such member exists.
    public func member(_ id: MemberID) throws -> MemberState? {
        try log.withSnapshot { reader in try projections.members.member(id, reader: reader) }
    }

    /// Up to `limit` of a member's orders, newest first, starting after the order whose cursor was
    /// returned by the previous page.
    public func orders(of member: MemberID, after cursor: String? = nil, limit: Int = 20) throws -> OrderPage {
        let limit = min(max(limit, 1), Self.listCountMax)
        let prefix = MemberProjection.memberPrefix(member)
        var start = prefix
        if let cursor, let key = OrderCursor.key(cursor), key.starts(with: prefix) { start = key + [0] }
        return try log.withSnapshot { reader in
            let rows = try projections.members.orderRows(prefix: prefix, from: start, limit: limit + 1, reader: reader)
            let ids = try rows.map { try OrderID(String(decoding: $0.value, as: UTF8.self)) }
            let lastKey = rows.count > limit ? rows[limit - 1].key : nil
            let views = try ids.prefix(limit).compactMap { try projections.orders.storedView($0, reader: reader) }
            return OrderPage(orders: views, nextCursor: lastKey.map(OrderCursor.cursor))
        }
    }
}

/// Page cursors: the last key of a page, hex-encoded, so clients treat them as opaque strings.
enum OrderCursor {
    static func cursor(_ key: [UInt8]) -> String { Hex.string(key) }

    static func key(_ cursor: String) -> [UInt8]? {
        guard cursor.utf8.count <= 1024 else { return nil }
        return Hex.bytes(cursor)
    }
}
