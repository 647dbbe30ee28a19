/// A seeded hash of an id's bytes for the engine's tables, in place of SipHash.
///
/// Ids are at most `domainIDByteCountMax` bytes, and every table of the engine is keyed by them:
/// SipHash's set-up and finalisation cost more than hashing the bytes, about a seventh of folding
/// an event in a replay. This is wyhash's mixing (a 64×64→128-bit multiply folded to 64 bits), the
/// shape Go's and Zig's maps use, seeded by the table's own seed so an attacker who does not know it
/// cannot aim many ids at one bucket.
@usableFromInline
enum IDHash {
    // Constants by value, not stored globals: code inlined into other modules reads no global.
    @inlinable static var secret0: UInt64 { 0xa076_1d64_78bd_642f }
    @inlinable static var secret1: UInt64 { 0xe703_7ed1_a0b4_28db }
    @inlinable static var secret2: UInt64 { 0x8ebc_6af0_9c88_c6e3 }

    /// The 128-bit product of `a` and `b`, folded to 64 bits.
    @inlinable
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Hashes `bytes` (any length) with `seed`; equal bytes and seed give equal hashes.
    @inlinable
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: Int) -> Int {
        let count = bytes.count
        var state = UInt64(bitPattern: Int64(seed)) ^ secret0 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while count - offset > 16 {
            let first = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let second = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
            state = mix(first ^ secret1, second ^ state)
            offset += 16
        }
        // The last 1...16 bytes, as two words that may overlap each other or the bytes before.
        let first: UInt64
        let second: UInt64
        if count >= 8 {
            first = bytes.loadUnaligned(fromByteOffset: Swift.max(count - 16, 0), as: UInt64.self)
            second = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            first = UInt64(word32(bytes, at: 0)) << 32 | UInt64(word32(bytes, at: count - 4))
            second = 0
        } else if count > 0 {
            first = UInt64(bytes[0]) << 16 | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1])
            second = 0
        } else {
            first = 0
            second = 0
        }
        state = mix(first ^ secret1, second ^ state)
        return Int(truncatingIfNeeded: mix(state ^ secret2, UInt64(truncatingIfNeeded: count) ^ secret1))
    }

    @inlinable
    static func word32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    }
}
