/// Identifies one stock item: one SKU in one warehouse, with its own event stream.
public struct StockItemID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The SKU stocked.
    public let sku: SKUID
    /// The warehouse holding it.
    public let warehouse: WarehouseID

    /// Pairs a SKU with a warehouse.
    public init(sku: SKUID, warehouse: WarehouseID) {
        self.sku = sku
        self.warehouse = warehouse
    }

    /// The stream name, `stock-<sku>@<warehouse>`; neither part may contain `@`.
    public var streamId: String { "stock-" + sku.rawValue + "@" + warehouse.rawValue }

    /// Orders by SKU, then warehouse.
    public static func < (lhs: StockItemID, rhs: StockItemID) -> Bool {
        (lhs.sku, lhs.warehouse) < (rhs.sku, rhs.warehouse)
    }

    /// What `Dictionary` and `Set` hash: both ids' bytes with `IDHash`, chained through the
    /// table's seed. Consistent with the synthesized `==`.
    public func _rawHashValue(seed: Int) -> Int {
        warehouse._rawHashValue(seed: sku._rawHashValue(seed: seed))
    }

    /// `<sku>@<warehouse>`, for messages.
    public var description: String { sku.rawValue + "@" + warehouse.rawValue }
}
