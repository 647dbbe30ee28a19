import EventLog
import OrderDomain

/// Every projection kept in the same transaction as the events: inventory counts, order views and
/// member views. Each write derives only from the batch's events and the states after them, so a
/// retried commit writes the same bytes.
struct InlineProjections {
    let inventory: InventoryProjection
    let orders: OrderStatusProjection
    let members: MemberProjection

    init(log: LMDBEventLog) throws {
        inventory = try InventoryProjection(log: log)
        orders = try OrderStatusProjection(log: log)
        members = try MemberProjection(log: log)
    }

    func write(events: [DomainEvent], states: DomainStates, into writer: inout LMDBTableWriter) throws {
        try inventory.write(touched: Set(events.compactMap(\.stockItem)), states: states, into: &writer)
        try orders.write(touched: OrderStatusProjection.touchedOrders(by: events, states: states), states: states, into: &writer)
        try members.write(events: events, states: states, into: &writer)
    }
}
