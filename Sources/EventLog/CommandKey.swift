import FoundationEssentials

/// A command id as the key of an in-memory table: the idempotency entries waiting to be merged,
/// those of one commit, a batch's command ids.
///
/// `UUID` hashes its 16 bytes with SipHash, whose set-up and finalisation cost more than the
/// look-up around them: a group commit hashes each command id five to eight times (the batch's own
/// table, the batch in flight, the waiting entries, the commit's entries, the merge); with the
/// new order ids, that hashing was a tenth of the writer's time in a sell-out. This key hashes the
/// id's two words with a wyhash-style multiply, seeded by the table's own seed, so ids chosen to
/// collide need the seed, which a caller does not see.
public struct CommandKey: Hashable, Sendable {
    /// The id's bytes as two words, in memory order.
    @usableFromInline let high: UInt64
    @usableFromInline let low: UInt64

    /// The key of `id`.
    @inlinable
    public init(_ id: UUID) {
        (high, low) = withUnsafeBytes(of: id.uuid) {
            ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// The command id.
    public var id: UUID {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { bytes in
            bytes.storeBytes(of: high, as: UInt64.self)
            bytes.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: uuid)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }

    /// What `Dictionary` and `Set` hash: both words mixed with the table's seed (see the type's
    /// documentation). Consistent with `==`, which compares the words.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        let seeded = UInt64(bitPattern: Int64(seed)) ^ 0xa076_1d64_78bd_642f
        let first = Self.mix(high ^ 0xe703_7ed1_a0b4_28db, low ^ seeded)
        return Int(truncatingIfNeeded: Self.mix(first ^ 0x8ebc_6af0_9c88_c6e3, 0xe703_7ed1_a0b4_28db ^ 16))
    }

    /// Whether the id's bytes come before `other`'s, compared as unsigned bytes from the first:
    /// the order of LMDB's default key comparison, in which the `commands` table keeps ids.
    func precedesInByteOrder(_ other: CommandKey) -> Bool {
        // The words hold the bytes in memory order; read big-endian, the first byte weighs most.
        let (first, otherFirst) = (UInt64(bigEndian: high), UInt64(bigEndian: other.high))
        return first != otherFirst ? first < otherFirst : UInt64(bigEndian: low) < UInt64(bigEndian: other.low)
    }

    /// The 128-bit product of `a` and `b`, folded to 64 bits.
    @inlinable
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
