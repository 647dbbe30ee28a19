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

    /// Every row a replay to `states` must find stored.
    static func allRows(_ states: DomainStates) -> [ProjectionRow] {
        itemRows(states.stocks.keys, states: states) + skuRows(states.warehousesBySKU.keys, states: states)
    }
}
