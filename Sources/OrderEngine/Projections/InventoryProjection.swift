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

    /// Stores the current counts of every stock item `touched` names, and their SKUs' totals.
    func write(touched: Set<StockItemID>, states: DomainStates, into writer: inout LMDBTableWriter) throws {
        var skusTouched = Set<SKUID>()
        for item in touched {
            try put(items, key: item.streamId, counts: StockCounts(states.stock(item)), into: &writer)
            skusTouched.insert(item.sku)
        }
        for sku in skusTouched {
            let total = states.warehouses(stocking: sku).reduce(StockCounts()) { sum, warehouse in
                sum + StockCounts(states.stock(StockItemID(sku: sku, warehouse: warehouse)))
            }
            try put(skus, key: sku.rawValue, counts: total, into: &writer)
        }
    }

    private func put(_ table: LMDBTable, key: String, counts: StockCounts, into writer: inout LMDBTableWriter) throws {
        var key = key
        try key.withUTF8 { key in
            try counts.withEncoded { try writer.put(table, key: UnsafeRawBufferPointer(key), value: $0) }
        }
    }
}
