/// Appends the format's primitive encodings to a byte buffer.
struct BinaryWriter {
    var bytes: [UInt8] = []

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

    mutating func writeString(_ value: String, limits: BinaryCodingLimits) throws(EventCodecError) {
        let utf8 = value.utf8
        guard utf8.count <= limits.stringByteCountMax else {
            throw .lengthTooLarge(length: UInt64(utf8.count), limit: limits.stringByteCountMax)
        }
        writeVarint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
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
