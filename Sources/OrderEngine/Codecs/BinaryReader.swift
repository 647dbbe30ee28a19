/// Reads the format's primitive encodings from borrowed bytes, checking every bound and the
/// limits on lengths and counts.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    let limits: BinaryCodingLimits
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer, limits: BinaryCodingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    var remainingByteCount: Int { bytes.count - offset }

    mutating func readByte() throws(EventCodecError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    func peekByte() throws(EventCodecError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated }
        return bytes[offset]
    }

    /// Reads a minimal LEB128 number of at most 64 bits; longer or padded forms are malformed,
    /// so every number has exactly one encoding.
    @inline(__always)
    mutating func readVarint() throws(EventCodecError) -> UInt64 {
        guard offset < bytes.count else { throw .truncated }
        let first = bytes[offset]
        guard first >= 0x80 else {
            offset += 1
            return UInt64(first)
        }
        return try readLongVarint()
    }

    /// A number of two to eight bytes (a timestamp takes eight) is read as one word when eight
    /// bytes remain; longer ones, and those near the end, byte by byte.
    private mutating func readLongVarint() throws(EventCodecError) -> UInt64 {
        if remainingByteCount >= 8 {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let lastBytes = ~word & 0x8080_8080_8080_8080
            if lastBytes != 0 {
                let length = lastBytes.trailingZeroBitCount / 8 + 1
                guard word >> (8 * (length - 1)) & 0xFF != 0 else {
                    throw .malformed("varint has a redundant final byte")
                }
                offset += length
                return Self.varintValue(of: length == 8 ? word : word & (1 << (8 * length) - 1))
            }
        }
        return try readLongVarintByBytes()
    }

    /// The number a varint of at most eight bytes holds, its bytes in `word` (little-endian,
    /// zeros past its end): the seven low bits of each byte, gathered in three steps.
    private static func varintValue(of word: UInt64) -> UInt64 {
        var value = word & 0x7F7F_7F7F_7F7F_7F7F
        value = value & 0x007F_007F_007F_007F | (value & 0x7F00_7F00_7F00_7F00) >> 1
        value = value & 0x0000_3FFF_0000_3FFF | (value & 0x3FFF_0000_3FFF_0000) >> 2
        return value & 0x0000_0000_0FFF_FFFF | (value & 0x0FFF_FFFF_0000_0000) >> 4
    }

    /// Walks a local index and moves `offset` once.
    private mutating func readLongVarintByBytes() throws(EventCodecError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if shift == 63, byte > 1 { throw .malformed("varint exceeds 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                if byte == 0, shift > 0 { throw .malformed("varint has a redundant final byte") }
                offset = index
                return result
            }
            shift += 7
        }
        throw .truncated
    }

    mutating func readZigzag() throws(EventCodecError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func readFixed32() throws(EventCodecError) -> UInt32 {
        guard remainingByteCount >= 4 else { throw .truncated }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func readFixed64() throws(EventCodecError) -> UInt64 {
        guard remainingByteCount >= 8 else { throw .truncated }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Reads a count and checks it against `limit` before anything is allocated for it.
    @inline(__always)
    mutating func readCount(limit: Int) throws(EventCodecError) -> Int {
        let count = try readVarint()
        guard count <= UInt64(limit) else { throw .lengthTooLarge(length: count, limit: limit) }
        return Int(count)
    }

    @inline(__always)
    mutating func readBytes(_ count: Int) throws(EventCodecError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remainingByteCount else { throw .truncated }
        defer { offset += count }
        // Built from the base address: a rebased slice checked the range a second time.
        return UnsafeRawBufferPointer(start: bytes.baseAddress.map { $0 + offset }, count: count)
    }

    mutating func readString() throws(EventCodecError) -> String {
        try Self.string(try readStringBytes())
    }

    /// A string's bytes as text; ASCII, the common case, needs no validation beyond its high bits.
    static func string(_ raw: UnsafeRawBufferPointer) throws(EventCodecError) -> String {
        #if (arch(x86_64) || arch(arm64)) && _endian(little)
        if raw.count <= inlineByteCountMax {
            let words = inlineWords(raw)
            if (words.0 | words.1) & 0x8080_8080_8080_8080 == 0 { return inlineString(words, count: raw.count) }
        }
        #endif
        guard !isASCII(raw) else { return asciiString(raw) }
        let utf8 = raw.assumingMemoryBound(to: UInt8.self)
        guard let string = String(validating: utf8, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }

    /// Text from bytes already known to be ASCII. Up to 15 bytes (most ids, codes and names) it
    /// writes the string's inline form, two words, directly: `String(decoding:as:)` would check
    /// the bytes a second time and copy them one at a time, which was a tenth of decoding a
    /// replay's events. Longer text takes the standard way. `ASCIIStringTests` hold the inline
    /// form to the bits the standard library makes.
    static func asciiString(_ raw: UnsafeRawBufferPointer) -> String {
        #if (arch(x86_64) || arch(arm64)) && _endian(little)
        if raw.count <= inlineByteCountMax { return inlineString(inlineWords(raw), count: raw.count) }
        #endif
        return String(decoding: raw, as: UTF8.self)
    }

    /// The most bytes a 64-bit string holds inline.
    private static let inlineByteCountMax = 15

    /// At most 16 bytes as two little-endian words, zero past their end. Each byte is loaded
    /// where it lies, with loads that may overlap, never past the end: copying them into the words
    /// through memory instead (`copyMemory`) called `memcpy`, and reading the words back right
    /// after its byte-wide stores stalled until they reached the cache, half of decoding an id.
    private static func inlineWords(_ raw: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let count = raw.count
        switch count {
        case 8...16:
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            // `>>` by 64 (eight bytes) gives zero.
            return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), last >> (8 * (16 - count)))
        case 4...7:
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return (first | last << (8 * (count - 4)), 0)
        case 1...3:
            let middle = count / 2
            let word = UInt64(raw[0]) | UInt64(raw[middle]) << (8 * middle) | UInt64(raw[count - 1]) << (8 * (count - 1))
            return (word, 0)
        default:
            return (0, 0)
        }
    }

    /// The inline string of `count` ASCII bytes held in `words`, zero past them.
    private static func inlineString(_ words: (UInt64, UInt64), count: Int) -> String {
        // The last byte of an inline string: immortal, small and ASCII (0xE0), then its count.
        unsafeBitCast((words.0, words.1 | UInt64(0xE0 | count) << 56), to: String.self)
    }

    /// Whether no byte has its high bit set, tested eight bytes at a time.
    private static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        var bits: UInt64 = 0
        var index = 0
        while index + 8 <= raw.count {
            bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            bits |= UInt64(raw[index])
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// Reads a string's length and borrows its bytes, not yet checked as UTF-8.
    @inline(__always)
    mutating func readStringBytes() throws(EventCodecError) -> UnsafeRawBufferPointer {
        let count = try readCount(limit: limits.stringByteCountMax)
        return try readBytes(count)
    }

    /// Reads a string without moving past it.
    func peekString() throws(EventCodecError) -> String {
        var copy = self
        return try copy.readString()
    }

    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[range])
    }
}
