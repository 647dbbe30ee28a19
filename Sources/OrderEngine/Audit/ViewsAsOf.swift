import EventLog
import OrderDomain

/// The shop as it stood at a past log position: every view, rebuilt by replaying the log to it.
public struct ViewsAsOf: Sendable {
    /// The last event included.
    public let position: UInt64
    let states: DomainStates
    let links: [OrderID: OrderLinks]

    init(position: UInt64, states: DomainStates) {
        self.position = position
        self.states = states
        self.links = OrderLinks.all(in: states)
    }

    /// The order's view then, nil if it did not exist yet.
    public func order(_ id: OrderID) -> OrderView? {
        guard states.orders[id] != nil || links[id] != nil else { return nil }
        return OrderView(id, states: states, links: links[id] ?? OrderLinks())
    }

    /// A stock item's counts then.
    public func stock(_ item: StockItemID) -> StockCounts { StockCounts(states.stock(item)) }

    /// A SKU's counts then, overall and per warehouse.
    public func stock(sku: SKUID) -> SKUStock {
        var stock = SKUStock(sku: sku, total: StockCounts(), byWarehouse: [:])
        for warehouse in states.warehouses(stocking: sku) {
            let counts = StockCounts(states.stock(StockItemID(sku: sku, warehouse: warehouse)))
            stock.byWarehouse[warehouse] = counts
            stock.total = stock.total + counts
        }
        return stock
    }

    /// A member's account then, nil if not registered yet.
    public func member(_ id: MemberID) -> MemberState? { states.members[id] }
}

extension OrderEngine {
    /// Every view as of `position` (clamped to the log's end), by replaying the log to it.
    public func views(asOf position: UInt64) throws -> ViewsAsOf {
        let target = min(position, try log.lastPosition())
        let states = try EventReplay.statesDecodingAhead(from: log, through: target, codec: EventCodec())
        return ViewsAsOf(position: target, states: states)
    }
}
