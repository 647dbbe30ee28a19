import Foundation
import Testing

@testable import EventLog

/// `CommandKey` replaces `UUID` as the key of the in-memory idempotency tables: it must keep the
/// id, agree with `==`, and spread ids over a table whatever their bits.
@Suite("Command keys")
struct CommandKeyTests {
    @Test func aKeyKeepsItsId() {
        for _ in 0..<100 {
            let id = UUID()
            #expect(CommandKey(id).id == id)
            #expect(CommandKey(id) == CommandKey(UUID(uuid: id.uuid)))
        }
        let id = UUID()
        var other = id.uuid
        other.15 ^= 1
        #expect(CommandKey(id) != CommandKey(UUID(uuid: other)))
        other = id.uuid
        other.0 ^= 0x80
        #expect(CommandKey(id) != CommandKey(UUID(uuid: other)))
    }

    @Test func equalKeysHashEquallyAndTheSeedChangesTheHash() {
        let id = UUID()
        let key = CommandKey(id)
        let copy = CommandKey(UUID(uuid: id.uuid))
        #expect(key._rawHashValue(seed: 7) == copy._rawHashValue(seed: 7))
        #expect(key.hashValue == copy.hashValue)
        let hashes = Set((0..<64).map { key._rawHashValue(seed: $0) })
        #expect(hashes.count == 64)
    }

    /// Ids that differ in one bit, or count up in either word, must not crowd into a few buckets:
    /// the low bits, which pick the bucket, of 4,096 such ids cover at least half of 4,096 buckets.
    @Test func sequentialIdsSpreadOverBuckets() {
        for word in 0..<2 {
            var buckets = Set<Int>()
            for counter in 0..<UInt64(4_096) {
                var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &uuid) { $0.storeBytes(of: counter, toByteOffset: word * 8, as: UInt64.self) }
                buckets.insert(CommandKey(UUID(uuid: uuid))._rawHashValue(seed: 12_345) & 4_095)
            }
            #expect(buckets.count > 2_048, "word \(word): \(buckets.count) buckets")
        }
    }

    /// A table keyed by command keys finds what it holds and nothing else.
    @Test func aTableOfKeysFindsItsIds() {
        let ids = (0..<10_000).map { _ in UUID() }
        var table: [CommandKey: Int] = [:]
        for (index, id) in ids.enumerated() { table[CommandKey(id)] = index }
        #expect(table.count == ids.count)
        for (index, id) in ids.enumerated() { #expect(table[CommandKey(id)] == index) }
        #expect(table[CommandKey(UUID())] == nil)
    }
}
