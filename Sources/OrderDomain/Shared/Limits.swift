/// Named limits that every decider checks, so no input can grow state without bound.
public enum Limits {
    /// The most lines one order may carry.
    public static let orderLineCountMax = 100
    /// The most units one line, reservation or stock movement may carry.
    public static let quantityMax: Int64 = 1_000_000_000
    /// The largest amount of money, in minor units, one command may carry.
    public static let amountMinorUnitsMax: Int64 = 1_000_000_000_000_000
    /// The most open reservations one stock item keeps at once.
    public static let reservationsPerStockItemMax = 1_000_000
    /// The most attributes (size, colour, ...) one SKU may have.
    public static let skuAttributeCountMax = 32
    /// The deepest category path a SKU may have.
    public static let categoryDepthMax = 16
    /// The longest title, in UTF-8 bytes.
    public static let titleBytesMax = 256
    /// The longest free-text field (names, reasons, address parts), in UTF-8 bytes.
    public static let textBytesMax = 512
    /// The most addresses in one member's address book.
    public static let addressCountMax = 20
    /// The most favourite SKUs one member may keep.
    public static let favouriteCountMax = 500
    /// The most shipments one order may be split into.
    public static let shipmentsPerOrderMax = 100
    /// The most payments one order may be paid with.
    public static let paymentsPerOrderMax = 16
    /// The most after-sale price differences one order may be charged.
    public static let chargesPerOrderMax = 100
    /// The most provider callbacks one payment remembers for de-duplication.
    public static let callbacksPerPaymentMax = 64
    /// The most SKUs or categories one coupon may be scoped to.
    public static let couponScopeCountMax = 1_000
    /// The most uses a coupon may allow in total.
    public static let couponUsageLimitMax: Int64 = 10_000_000
    /// The most in-transit updates one shipment records.
    public static let transitUpdatesMax = 200
}
