import EventLog
import OrderDomain

/// Inventory counts per stock item and per SKU, written in the same transaction as the events
/// that change them, so a reader never sees counts that disagree with the log.
struct InventoryProjection {
    static let itemTableName = "inventory-items"
    static let skuTableName = "inventory-skus"

    let items: LMDBTable
    let skus: LMDBTable

    init(log: LMDBEventLog) throws {
        items = try log.table(named: Self.itemTableName)
        skus = try log.table(named: Self.skuTableName)
    }

    /// The current counts of each stock item.
    static func itemRows(_ items: some Sequence<StockItemID>, states: some DomainStateReading) -> [ProjectionRow] {
        items.map { item in
            ProjectionRow(table: itemTableName, key: Array(item.streamId.utf8), value: StockCounts(states.stock(item)).encoded)
        }
    }

    /// Each SKU's counts summed over its warehouses.
    static func skuRows(_ skus: some Sequence<SKUID>, states: some DomainStateReading) -> [ProjectionRow] {
        skus.map { sku in
            let total = states.warehouses(stocking: sku).reduce(StockCounts()) { sum, warehouse in
                sum + StockCounts(states.stock(StockItemID(sku: sku, warehouse: warehouse)))
            }
            return ProjectionRow(table: skuTableName, key: Array(sku.rawValue.utf8), value: total.encoded)
        }
    }

    /// For each stored stock item with at least `countMin` units held (reserved, committed or
    /// backordered), that count, capped at `countMax`: a bound on its open holds at the log's end,
    /// as each hold holds at least one unit. A replay sizes the items' hold tables with it. Rows that
    /// cannot be read are skipped: the bound only saves time, and a replay checks every row anyway.
    static func storedHoldBounds(_ log: LMDBEventLog, countMin: Int, countMax: Int) throws -> [StockItemID: Int] {
        let table: LMDBTable
        do {
            table = try log.table(named: itemTableName)
        } catch EventLogError.invalidRequest {
            return [:]
        }
        var bounds: [StockItemID: Int] = [:]
        try log.withSnapshot { reader in
            try reader.forEach(table, from: nil) { key, value in
                guard let counts = StockCounts(encoded: value) else { return true }
                // A damaged row must not trap: a sum that wraps is as good as no bound.
                let held = max(counts.reserved, 0) &+ max(counts.committed, 0) &+ max(counts.backordered, 0)
                let bound = held < 0 ? countMax : min(Int(held), countMax)
                guard bound >= countMin, let item = StockItemID(streamId: String(decoding: key, as: UTF8.self)) else {
                    return true
                }
                bounds[item] = bound
                return true
            }
        }
        return bounds
    }

    /// Every row a replay to `states` must find stored.
    static func allRows(_ states: DomainStates) -> [ProjectionRow] {
        itemRows(states.stocks.keys, states: states) + skuRows(states.warehousesBySKU.keys, states: states)
    }
}
