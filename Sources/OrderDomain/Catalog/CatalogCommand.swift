/// What staff can ask of one catalog SKU.
public enum CatalogCommand: Sendable, Hashable, Codable {
    /// Register a new SKU; it starts unlisted.
    case register(SKUDefinition, at: Timestamp)
    /// Change the unit price; the currency must stay the same.
    case changePrice(Money, at: Timestamp)
    /// Put the SKU on sale.
    case list(at: Timestamp)
    /// Take the SKU off sale; new order lines for it are refused.
    case delist(at: Timestamp)
    /// Allow or forbid orders beyond stock on hand.
    case setBackorderAllowed(Bool, at: Timestamp)
}
