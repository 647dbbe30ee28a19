/// Appends the format's primitive encodings to a byte buffer, refusing lengths and counts
/// beyond the limits so that whatever it writes can be read back.
struct BinaryWriter {
    var bytes: [UInt8] = []
    let limits: BinaryCodingLimits

    init(limits: BinaryCodingLimits) {
        self.limits = limits
    }

    mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// LEB128: seven bits per byte, least significant group first, high bit set on all but the last.
    mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zigzag maps small magnitudes of either sign to small unsigned numbers: 0, -1, 1, -2 -> 0, 1, 2, 3.
    mutating func writeZigzag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func writeFixed32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func writeFixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func writeString(_ value: String) throws(EventCodecError) {
        let utf8 = value.utf8
        guard utf8.count <= limits.stringByteCountMax else {
            throw .lengthTooLarge(length: UInt64(utf8.count), limit: limits.stringByteCountMax)
        }
        writeVarint(UInt64(utf8.count))
        var contiguous = value
        contiguous.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// An enum's case name, copied from the binary without making a `String`.
    mutating func writeCaseName(_ name: StaticString) throws(EventCodecError) {
        let count = name.utf8CodeUnitCount
        guard count <= limits.stringByteCountMax else {
            throw .lengthTooLarge(length: UInt64(count), limit: limits.stringByteCountMax)
        }
        writeVarint(UInt64(count))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: count))
    }

    /// A list's element count, refused beyond the collection limit.
    mutating func writeCount(_ count: Int) throws(EventCodecError) {
        guard count <= limits.collectionCountMax else {
            throw .lengthTooLarge(length: UInt64(count), limit: limits.collectionCountMax)
        }
        writeVarint(UInt64(count))
    }

    /// How many bytes `writeVarint(value)` takes.
    static func varintByteCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value >> 7
        while rest != 0 {
            count += 1
            rest >>= 7
        }
        return count
    }

    /// Rewrites a count written earlier at `offset` as one more, growing it in place when the
    /// larger number needs another byte.
    mutating func incrementCount(at offset: Int, from old: Int) {
        let new = UInt64(old + 1)
        let grownByteCount = Self.varintByteCount(new) - Self.varintByteCount(UInt64(old))
        if grownByteCount > 0 { bytes.insert(contentsOf: repeatElement(0, count: grownByteCount), at: offset) }
        var rest = new
        var index = offset
        while rest >= 0x80 {
            bytes[index] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            index += 1
        }
        bytes[index] = UInt8(rest)
    }
}
