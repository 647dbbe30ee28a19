import Testing

@testable import EventLog

/// The C implementation interleaves three lanes for long inputs and steps down to single bytes at
/// the end; every length and alignment must give the bit-by-bit definition's value.
@Suite("CRC-32C")
struct CRC32CTests {
    @Test func matchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func agreesWithTheBitwiseDefinitionForEveryLengthAndAlignment() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1_300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBytes { all in
            for start in 0..<8 {
                for count in 0...(all.count - start) where count < 640 || count % 97 == 0 {
                    let slice = UnsafeRawBufferPointer(rebasing: all[start..<(start + count)])
                    let seed = UInt32(truncatingIfNeeded: count &* 2_654_435_761)
                    #expect(CRC32C.checksum(slice, extending: seed) == Self.bitwise(slice, extending: seed))
                }
            }
        }
    }

    @Test func extendsAcrossSplitsAsOverTheWhole() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let whole = CRC32C.checksum(bytes)
        for split in [0, 1, 191, 192, 193, 500, 999, 1_000] {
            let first = CRC32C.checksum(Array(bytes[..<split]))
            #expect(CRC32C.checksum(Array(bytes[split...]), extending: first) == whole)
        }
    }

    private static func bitwise(_ bytes: UnsafeRawBufferPointer, extending crc: UInt32) -> UInt32 {
        var state = ~crc
        for byte in bytes {
            state ^= UInt32(byte)
            for _ in 0..<8 { state = state & 1 == 1 ? (state >> 1) ^ 0x82F6_3B78 : state >> 1 }
        }
        return ~state
    }
}
