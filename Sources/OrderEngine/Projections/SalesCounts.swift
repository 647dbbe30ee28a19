/// What one day, or one SKU on one day, sold in one currency: the value the sales projection
/// stores. Sums saturate at `Int64.max` instead of trapping, so no volume of sales can stop the
/// projection.
struct SalesCounts: Sendable, Hashable {
    var revenueMinorUnits: Int64 = 0
    var refundedMinorUnits: Int64 = 0
    var orders: Int64 = 0
    var units: Int64 = 0

    static let encodedBytes = 4 * 8

    mutating func add(_ other: SalesCounts) {
        revenueMinorUnits = Self.saturating(revenueMinorUnits, other.revenueMinorUnits)
        refundedMinorUnits = Self.saturating(refundedMinorUnits, other.refundedMinorUnits)
        orders = Self.saturating(orders, other.orders)
        units = Self.saturating(units, other.units)
    }

    static func saturating(_ left: Int64, _ right: Int64) -> Int64 {
        let (sum, overflow) = left.addingReportingOverflow(right)
        return overflow ? (right > 0 ? .max : .min) : sum
    }

    /// Four little-endian Int64s, in declaration order.
    func withEncoded<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let fields = (revenueMinorUnits.littleEndian, refundedMinorUnits.littleEndian, orders.littleEndian, units.littleEndian)
        return try withUnsafeBytes(of: fields) { try body($0) }
    }

}

extension SalesCounts {
    init(encoded bytes: UnsafeRawBufferPointer) throws(SalesError) {
        guard bytes.count == Self.encodedBytes else {
            throw .damagedEntry(problem: "a value of \(bytes.count) bytes, not \(Self.encodedBytes)")
        }
        func field(_ index: Int) -> Int64 { Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)) }
        revenueMinorUnits = field(0)
        refundedMinorUnits = field(1)
        orders = field(2)
        units = field(3)
    }
}
