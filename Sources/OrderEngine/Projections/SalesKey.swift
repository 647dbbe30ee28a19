import OrderDomain

/// Keys of the sales table. A kind byte first, then, for aggregates, the day (big-endian with its
/// sign bit flipped, so LMDB's byte order is the days' order) and the currency code: a date range
/// is one contiguous run of keys.
///
/// | kind | key | value |
/// | --- | --- | --- |
/// | `c` | nothing more | checkpoint: last position applied, 8 bytes little-endian |
/// | `d` | day, currency | `SalesCounts` of the day |
/// | `s` | day, currency, SKU id (UTF-8) | `SalesCounts` of the SKU on the day (refunds stay 0) |
struct SalesKey: Sendable, Hashable {
    static let checkpointKind = UInt8(ascii: "c")
    static let dayKind = UInt8(ascii: "d")
    static let skuKind = UInt8(ascii: "s")
    static let checkpoint: [UInt8] = [checkpointKind]
    static let currencyBytes = 3

    var day: SalesDay
    var currency: Currency
    /// Nil for a whole day's key.
    var sku: SKUID?

    var bytes: [UInt8] {
        var bytes = Self.prefix(sku == nil ? Self.dayKind : Self.skuKind, day: day)
        bytes.append(contentsOf: currency.code.utf8)
        if let sku { bytes.append(contentsOf: sku.rawValue.utf8) }
        return bytes
    }

    /// The kind byte and the day: where a range of either kind starts.
    static func prefix(_ kind: UInt8, day: SalesDay) -> [UInt8] {
        var bytes = [kind]
        withUnsafeBytes(of: (UInt64(bitPattern: day.daysSince1970) ^ (1 << 63)).bigEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Parses a day or SKU key; the caller has checked the kind byte.
    init(decoding key: UnsafeRawBufferPointer) throws(SalesError) {
        let headerBytes = 1 + 8 + Self.currencyBytes
        guard key.count >= headerBytes, key[0] == Self.dayKind || key[0] == Self.skuKind else {
            throw .damagedEntry(problem: "a key of \(key.count) bytes")
        }
        let raw = Int64(bitPattern: UInt64(bigEndian: key.loadUnaligned(fromByteOffset: 1, as: UInt64.self)) ^ (1 << 63))
        guard abs(raw) <= SalesDay.daysFromEpochMax else { throw .damagedEntry(problem: "day \(raw)") }
        day = SalesDay(daysSince1970: raw)
        let code = String(decoding: key[9..<headerBytes], as: UTF8.self)
        do {
            currency = try Currency(code)
            sku = try key[0] == Self.skuKind ? SKUID(String(decoding: key[headerBytes...], as: UTF8.self)) : nil
        } catch {
            throw .damagedEntry(problem: "\(error)")
        }
    }

    init(day: SalesDay, currency: Currency, sku: SKUID? = nil) {
        self.day = day
        self.currency = currency
        self.sku = sku
    }
}
