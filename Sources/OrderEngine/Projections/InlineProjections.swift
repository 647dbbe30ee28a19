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

    var tables: [LMDBTable] { [inventory.items, inventory.skus, orders.orders, members.members, members.orders] }

    /// Writes every row `events` change; returns the order views among them.
    func write(events: [DomainEvent], states: some DomainStateReading, into writer: inout LMDBTableWriter) throws -> [OrderID: OrderView] {
        try inventory.write(touched: Set(events.compactMap(\.stockItem)), states: states, into: &writer)
        let views = try orders.write(touched: OrderStatusProjection.touchedOrders(by: events, states: states), states: states, into: &writer)
        try members.write(events: events, states: states, into: &writer)
        return views
    }

    /// Every row the projections hold for `states`, by table.
    static func allRows(_ states: DomainStates) throws -> [ProjectionRow] {
        try InventoryProjection.allRows(states) + OrderStatusProjection.allRows(states) + MemberProjection.allRows(states)
    }
}
