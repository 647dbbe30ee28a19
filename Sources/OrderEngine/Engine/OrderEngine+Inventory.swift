import EventLog
import OrderDomain

/// One SKU's stock: its total and each warehouse's share.
public struct SKUStock: Sendable, Hashable {
    public var sku: SKUID
    public var total: StockCounts
    public var byWarehouse: [WarehouseID: StockCounts]
}

extension OrderEngine {
    /// Most entries a list query returns.
    public static let listCountMax = 1_000

    /// The counts of one SKU in one warehouse (all zero for an item never stocked).
    public func stock(_ item: StockItemID) throws -> StockCounts {
        try log.withSnapshot { reader in
            var key = item.streamId
            return try key.withUTF8 { key in
                try reader.get(projections.inventory.items, key: UnsafeRawBufferPointer(key)).flatMap(StockCounts.init(encoded:))
            } ?? StockCounts()
        }
    }

    /// A SKU's counts overall and per warehouse.
    public func stock(sku: SKUID) throws -> SKUStock {
        try log.withSnapshot { reader in
            var stock = SKUStock(sku: sku, total: StockCounts(), byWarehouse: [:])
            var skuKey = sku.rawValue
            try skuKey.withUTF8 { key in
                if let total = try reader.get(projections.inventory.skus, key: UnsafeRawBufferPointer(key)).flatMap(StockCounts.init(encoded:)) {
                    stock.total = total
                }
            }
            let prefix = Array(StockItemID.streamPrefix(of: sku).utf8)
            try prefix.withUnsafeBytes { start in
                try reader.forEach(projections.inventory.items, from: start) { key, value in
                    guard key.starts(with: prefix), let counts = StockCounts(encoded: value) else { return false }
                    let warehouse = String(decoding: key.dropFirst(prefix.count), as: UTF8.self)
                    stock.byWarehouse[try WarehouseID(warehouse)] = counts
                    return true
                }
            }
            return stock
        }
    }

    /// SKUs whose total available stock is at or below `threshold`, lowest first, at most `limit`.
    public func lowStock(threshold: Int64, limit: Int = 100) throws -> [(sku: SKUID, counts: StockCounts)] {
        let limit = min(max(limit, 1), Self.listCountMax)
        var low: [(sku: SKUID, counts: StockCounts)] = []
        try log.withSnapshot { reader in
            try reader.forEach(projections.inventory.skus, from: nil) { key, value in
                if let counts = StockCounts(encoded: value), counts.available <= threshold {
                    low.append((try SKUID(String(decoding: key, as: UTF8.self)), counts))
                }
                return true
            }
        }
        low.sort { ($0.counts.available, $0.sku) < ($1.counts.available, $1.sku) }
        return Array(low.prefix(limit))
    }
}

extension StockItemID {
    /// The start every stock stream of `sku` shares.
    static func streamPrefix(of sku: SKUID) -> String { "stock-" + sku.rawValue + "@" }
}
