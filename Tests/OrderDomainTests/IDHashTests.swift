@testable import OrderDomain
import Testing

/// `IDHash` replaces SipHash for every table keyed by ids, so it must hash only an id's bytes
/// and spread ids that differ in one character across a table's buckets.
@Suite struct IDHashTests {
    /// A hash of bytes at any length reads those bytes and no others.
    @Test func hashesOnlyTheBytesGiven() {
        var generator = SystemRandomNumberGenerator()
        let source = (0..<80).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for count in 0...domainIDByteCountMax {
            let inPlace = source.withUnsafeBytes { IDHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<count]), seed: 7) }
            // The same bytes with other bytes after them.
            let copied = (Array(source[0..<count]) + [0xAA, 0x55, 0xAA]).withUnsafeBytes {
                IDHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<count]), seed: 7)
            }
            #expect(inPlace == copied, "\(count) bytes")
        }
    }

    @Test func dependsOnEveryByteTheLengthAndTheSeed() {
        let base = Array("order-2026-11-22-0000123456789-abcdefghijklmnopqrstuvwxyz-012345".utf8)
        #expect(base.count == domainIDByteCountMax)
        var seen = Set<Int>()
        for count in 1...base.count {
            let prefix = Array(base[0..<count])
            seen.insert(prefix.withUnsafeBytes { IDHash.hash($0, seed: 1) })
            for index in 0..<count {
                var changed = prefix
                changed[index] ^= 0x01
                seen.insert(changed.withUnsafeBytes { IDHash.hash($0, seed: 1) })
            }
        }
        // Every prefix and every one-bit change of each: all different.
        #expect(seen.count == 64 + (1...64).reduce(0, +))
        let bytes = Array("o-1".utf8)
        #expect(bytes.withUnsafeBytes { IDHash.hash($0, seed: 1) } != bytes.withUnsafeBytes { IDHash.hash($0, seed: 2) })
        #expect([UInt8(0)].withUnsafeBytes { IDHash.hash($0, seed: 1) } != [UInt8]().withUnsafeBytes { IDHash.hash($0, seed: 1) })
    }

    /// 2^17 sequential order ids land in 2^17 buckets (the low bits, as `Dictionary` uses them)
    /// about as a random function would: about 1 - 1/e of the buckets used, no bucket crowded.
    @Test func spreadsSequentialIdsAcrossBuckets() throws {
        let bucketCount = 1 << 17
        var loads = [Int](repeating: 0, count: bucketCount)
        for number in 0..<bucketCount {
            let id = try OrderID("o-\(number)")
            loads[id._rawHashValue(seed: 0x5eed) & (bucketCount - 1)] += 1
        }
        let used = loads.filter { $0 > 0 }.count
        #expect(Double(used) / Double(bucketCount) > 0.62)
        #expect(loads.max()! <= 12)
    }

    @Test func equalIdsHashEqualInEveryRepresentation() throws {
        var spacious = String()
        spacious.reserveCapacity(64)
        spacious += "o-1"
        #expect(try OrderID(spacious)._rawHashValue(seed: 3) == OrderID("o-1")._rawHashValue(seed: 3))
        let item = StockItemID(sku: "s1", warehouse: "w1")
        #expect(item._rawHashValue(seed: 3) == StockItemID(sku: "s1", warehouse: "w1")._rawHashValue(seed: 3))
        #expect(item._rawHashValue(seed: 3) != StockItemID(sku: "w1", warehouse: "s1")._rawHashValue(seed: 3))
        #expect(Set([item, StockItemID(sku: "s1", warehouse: "w1"), StockItemID(sku: "s1", warehouse: "w2")]).count == 2)
    }

    /// Aggregates of two kinds with one name are two keys; equal aggregates hash equally.
    @Test func aggregatesHashByKindAndId() throws {
        let order = AggregateID.order(try OrderID("x-1"))
        let payment = AggregateID.payment(try PaymentID("x-1"))
        #expect(order._rawHashValue(seed: 9) == AggregateID.order(try OrderID("x-1"))._rawHashValue(seed: 9))
        #expect(order._rawHashValue(seed: 9) != payment._rawHashValue(seed: 9))
        let set: Set<AggregateID> = [order, payment, .order(try OrderID("x-1")), .member(try MemberID("x-1"))]
        #expect(set.count == 3)
        #expect(set.contains(.member(try MemberID("x-1"))))
        #expect(!set.contains(.shipment(try ShipmentID("x-1"))))
    }
}
