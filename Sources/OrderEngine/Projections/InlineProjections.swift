import EventLog
import OrderDomain

/// Every projection kept in the same transaction as the events: inventory counts, order views and
/// member views. Each write derives only from the batch's events and the states after them, so a
/// retried commit writes the same bytes, and a replay produces the same rows (`allRows`).
struct InlineProjections {
    let inventory: InventoryProjection
    let orders: OrderStatusProjection
    let members: MemberProjection

    init(log: LMDBEventLog) throws {
        inventory = try InventoryProjection(log: log)
        orders = try OrderStatusProjection(log: log)
        members = try MemberProjection(log: log)
    }

    var tables: [LMDBTable] {
        [inventory.items, inventory.skus, orders.orders, members.members, members.orders] + [members.orderRuns].compactMap { $0 }
    }

    /// One row to store and the table it goes to.
    typealias TableRow = (table: LMDBTable, row: ProjectionRow)

    /// What a batch writes to the projections: finished rows, the order views, encoded only by
    /// `put` (on the committer's thread), and the run of the batch's member-order rows, which
    /// `MemberOrderMerger` stores.
    struct Writes: Sendable {
        var rows: [TableRow] = []
        var orderViews: [OrderView] = []
        var memberOrderRun: [UInt8]?
    }

    /// Every row `events` change, built from the states after them, and the order views among
    /// them by id. `reader` must see every batch before the one `events` come from (it supplies
    /// the links of stored order views). Nothing is written: the sequencer builds a batch's writes
    /// while the batch before it commits, and the committer stores them with `put`.
    func writes(
        events: [DomainEvent], states: some DomainStateReading, reader: LMDBTableReader
    ) throws -> (writes: Writes, orderViews: [OrderID: OrderView]) {
        var writes = Writes()
        let touchedItems = Set(events.compactMap(\.stockItem))
        for row in InventoryProjection.itemRows(touchedItems, states: states) { writes.rows.append((inventory.items, row)) }
        for row in InventoryProjection.skuRows(Set(touchedItems.map(\.sku)), states: states) { writes.rows.append((inventory.skus, row)) }
        let views = try orders.views(touched: OrderStatusProjection.touchedOrders(by: events, states: states), states: states, reader: reader)
        writes.orderViews = Array(views.values)
        var memberOrderRows: [ProjectionRow] = []
        try members.rows(events: events, states: states, add: { writes.rows.append($0) }, addOrder: { memberOrderRows.append($0) })
        if !memberOrderRows.isEmpty { writes.memberOrderRun = MemberOrderRun.bytes(of: memberOrderRows) }
        return (writes, views)
    }

    /// Stores the writes built by `writes(events:states:reader:)`.
    func put(_ writes: Writes, into writer: inout LMDBTableWriter) throws {
        for (table, row) in writes.rows { try writer.put(row, into: table) }
        for view in writes.orderViews { try writer.put(try OrderStatusProjection.row(view), into: orders.orders) }
    }

    /// Every row the projections hold for `states`, by table.
    static func allRows(_ states: DomainStates) throws -> [ProjectionRow] {
        try InventoryProjection.allRows(states) + OrderStatusProjection.allRows(states) + MemberProjection.allRows(states)
    }
}
