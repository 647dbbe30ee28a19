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
    public var streamId: String { Self.streamPrefix + sku.rawValue + "@" + warehouse.rawValue }

    /// The stock item whose stream `streamId` names; nil for any other stream, or parts that are
    /// not valid ids.
    public init?(streamId: String) {
        guard streamId.utf8.starts(with: Self.streamPrefix.utf8) else { return nil }
        let name = streamId.utf8.dropFirst(Self.streamPrefix.utf8.count)
        guard let at = name.firstIndex(of: UInt8(ascii: "@")),
            let sku = try? SKUID(String(decoding: name[..<at], as: UTF8.self)),
            let warehouse = try? WarehouseID(String(decoding: name[name.index(after: at)...], as: UTF8.self))
        else { return nil }
        self.init(sku: sku, warehouse: warehouse)
    }

    private static let streamPrefix = "stock-"

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
