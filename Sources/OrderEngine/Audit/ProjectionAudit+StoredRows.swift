import EventLog
import Foundation
import OrderDomain
import Synchronization

/// The rows a replay expects in one table, each found from the stored row it must equal.
struct ExpectedRows: Sendable {
    let table: String
    /// How many rows the replay has for the table, every key distinct.
    let count: Int
    /// The replay's row for the stored entry's key, or nil when the replay has none there.
    let row: @Sendable (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> ProjectionRow?
}

/// Every stored row of one projection table: for `member-orders`, the rows of the runs waiting
/// beside it too (see `MemberOrderRun`).
struct StoredRows: Sendable {
    private let table: LMDBTable
    private let members: MemberProjection?

    /// Opens the table; call outside any snapshot.
    init(_ log: LMDBEventLog, table name: String) throws {
        table = try log.table(named: name)
        members = name == MemberProjection.orderTableName ? try MemberProjection(log: log) : nil
    }

    func forEach(
        reader: LMDBTableReader, _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        if let members {
            try members.forEachStoredOrderRow(reader: reader, body)
        } else {
            try reader.forEach(table, from: nil, body)
        }
    }
}

extension ProjectionAudit {
    /// The first difference between the stored projections and `states`, nil when they are equal.
    static func firstDifference(_ log: LMDBEventLog, states: DomainStates) throws -> String? {
        if try storedRowsMatch(log, states: states) { return nil }
        return try firstDifference(log, expected: InlineProjections.allRows(states))
    }

    /// Threads that compare one table at once, each taking every `comparingThreadCount`th row.
    static let comparingThreadCount = 2

    /// Whether every stored projection row equals a replay's, checked as the stored rows stream by:
    /// each is compared with the replay's row for its key, built on the spot, and each table must
    /// hold exactly as many rows as the replay. No map of every row is made (naming a difference
    /// needs one, so the full comparison does that once this finds any, or hits an error).
    ///
    /// Stored keys are distinct and each must equal the key of the replay row it is compared
    /// with, so equal counts mean every replay row was met once.
    static func storedRowsMatch(_ log: LMDBEventLog, states: DomainStates) throws -> Bool {
        guard let orderRows = memberOrderRows(states) else { return false }
        for expected in try smallTables(states) + [orderStatusRows(states), orderRows] {
            let rows = try StoredRows(log, table: expected.table)
            let matchedCounts = Mutex([Int?](repeating: nil, count: comparingThreadCount))
            DispatchQueue.concurrentPerform(iterations: comparingThreadCount) { share in
                let matched = try? matchedRowCount(log, rows: rows, expected: expected, share: share)
                matchedCounts.withLock { $0[share] = matched }
            }
            let counts = matchedCounts.withLock { $0 }
            guard counts.allSatisfy({ $0 != nil }), counts.reduce(0, { $0 + ($1 ?? 0) }) == expected.count else {
                return false
            }
        }
        return true
    }

    /// How many of the stored rows of `share` equal the replay's; nil at the first that does not.
    private static func matchedRowCount(
        _ log: LMDBEventLog, rows: StoredRows, expected: ExpectedRows, share: Int
    ) throws -> Int? {
        var index = 0
        var matchedCount = 0
        var allMatch = true
        try log.withSnapshot { reader in
            try rows.forEach(reader: reader) { key, value in
                defer { index += 1 }
                guard index % comparingThreadCount == share else { return true }
                guard let row = try expected.row(key, value), bytesEqual(row.key, key), bytesEqual(row.value, value) else {
                    allMatch = false
                    return false
                }
                matchedCount += 1
                return true
            }
        }
        return allMatch ? matchedCount : nil
    }

    private static func bytesEqual(_ bytes: [UInt8], _ other: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == other.count else { return false }
        return bytes.withUnsafeBytes { bytes in
            bytes.isEmpty || memcmp(bytes.baseAddress!, other.baseAddress!, bytes.count) == 0
        }
    }

    /// The inventory and member tables: a few rows per SKU or member, built up front.
    private static func smallTables(_ states: DomainStates) throws -> [ExpectedRows] {
        let memberRows = try states.members.keys.map { try MemberProjection.memberRow($0, states: states) }
        let rows = InventoryProjection.allRows(states) + memberRows
        let names = [InventoryProjection.itemTableName, InventoryProjection.skuTableName, MemberProjection.memberTableName]
        let rowsByTable = Dictionary(grouping: rows, by: \.table)
        return names.map { name in
            let byKey = Dictionary(uniqueKeysWithValues: (rowsByTable[name] ?? []).map { ($0.key, $0) })
            return ExpectedRows(table: name, count: byKey.count) { key, _ in byKey[Array(key)] }
        }
    }

    /// One view per order and per order id that a payment, parcel or after-sale case names.
    private static func orderStatusRows(_ states: DomainStates) -> ExpectedRows {
        let links = OrderLinks.all(in: states)
        let count = states.orders.count + links.keys.count { states.orders[$0] == nil }
        return ExpectedRows(table: OrderStatusProjection.tableName, count: count) { key, _ in
            let id = OrderID(_unchecked: String(decoding: key, as: UTF8.self))
            let orderLinks = links[id]
            guard orderLinks != nil || states.orders[id] != nil else { return nil }
            return try OrderStatusProjection.row(id, links: orderLinks ?? OrderLinks(), states: states)
        }
    }

    /// One row per placed order, found through the order id it holds as its value; nil (compare
    /// in full) when an order's placement names another order, which the stored value cannot tell.
    private static func memberOrderRows(_ states: DomainStates) -> ExpectedRows? {
        var count = 0
        for (id, order) in states.orders {
            guard let placement = order.placement else { continue }
            guard placement.order == id else { return nil }
            count += 1
        }
        return ExpectedRows(table: MemberProjection.orderTableName, count: count) { _, value in
            let id = OrderID(_unchecked: String(decoding: value, as: UTF8.self))
            return states.orders[id]?.placement.map(MemberProjection.orderRow)
        }
    }
}
