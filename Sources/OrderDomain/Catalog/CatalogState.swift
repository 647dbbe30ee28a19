/// Where a SKU stands in the catalog.
public enum SKUStatus: String, Sendable, Hashable, Codable {
    /// No such SKU has been registered.
    case unregistered
    /// Registered but not on sale.
    case unlisted
    /// On sale.
    case listed
}

/// The current state of one SKU, folded from its events.
public struct CatalogState: Sendable, Hashable, Codable {
    /// Whether the SKU exists and is on sale.
    public internal(set) var status: SKUStatus
    /// The SKU's description with its current price and backorder policy; nil until registered.
    public internal(set) var definition: SKUDefinition?

    /// The state before any event.
    public static let initial = CatalogState(status: .unregistered, definition: nil)
}
