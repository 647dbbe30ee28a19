/// Reads the format's primitive encodings from borrowed bytes, checking every bound.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
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
    mutating func readVarint() throws(EventCodecError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            if shift == 63, byte > 1 { throw .malformed("varint exceeds 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                if byte == 0, shift > 0 { throw .malformed("varint has a redundant final byte") }
                return result
            }
            shift += 7
        }
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
    mutating func readCount(limit: Int) throws(EventCodecError) -> Int {
        let count = try readVarint()
        guard count <= UInt64(limit) else { throw .lengthTooLarge(length: count, limit: limit) }
        return Int(count)
    }

    mutating func readBytes(_ count: Int) throws(EventCodecError) -> UnsafeRawBufferPointer {
        guard count <= remainingByteCount else { throw .truncated }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func readString(limits: BinaryCodingLimits) throws(EventCodecError) -> String {
        let count = try readCount(limit: limits.stringByteCountMax)
        let utf8 = try readBytes(count)
        guard let string = String(validating: utf8, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }

    /// Reads a string without moving past it.
    func peekString(limits: BinaryCodingLimits) throws(EventCodecError) -> String {
        var copy = self
        return try copy.readString(limits: limits)
    }

    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[range])
    }
}
