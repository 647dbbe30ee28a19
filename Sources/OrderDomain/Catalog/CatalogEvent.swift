/// What happened to a catalog SKU; a storage format whose meaning never changes.
public enum CatalogEvent: Sendable, Hashable, Codable {
    /// The SKU was registered, unlisted.
    case registered(SKUDefinition, at: Timestamp)
    /// The unit price changed.
    case priceChanged(from: Money, to: Money, at: Timestamp)
    /// The SKU went on sale.
    case listed(at: Timestamp)
    /// The SKU went off sale.
    case delisted(at: Timestamp)
    /// Backorders were allowed or forbidden.
    case backorderPolicyChanged(allowed: Bool, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .registered: 101
        case .priceChanged: 102
        case .listed: 103
        case .delisted: 104
        case .backorderPolicyChanged: 105
        }
    }
}
