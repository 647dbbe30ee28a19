/// A value with its own encoding in the binary format instead of going through `Codable`.
protocol BinaryCustomEncodable {
    func binaryEncode(to encoding: BinaryEncoding) throws
}

/// A value with its own decoding in the binary format instead of going through `Codable`.
protocol BinaryCustomDecodable {
    static func binaryDecode(from decoding: BinaryDecoding) throws -> Self
}

/// A standard-library scalar or string: its fixed encoding serves both the generic `Codable`
/// path and the hand-written codecs.
protocol BinaryPrimitive: BinaryWritable, BinaryReadable, BinaryCustomEncodable, BinaryCustomDecodable {}

extension BinaryPrimitive {
    func binaryEncode(to encoding: BinaryEncoding) throws {
        try write(to: &encoding.writer)
    }

    static func binaryDecode(from decoding: BinaryDecoding) throws -> Self {
        try Self(from: &decoding.reader)
    }
}

extension Bool: BinaryPrimitive {
    func write(to writer: inout BinaryWriter) {
        writer.writeByte(self ? 1 : 0)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readByte() {
        case 0: self = false
        case 1: self = true
        case let byte: throw .malformed("boolean byte \(byte)")
        }
    }
}

extension String: BinaryPrimitive {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeString(self)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self = try reader.readString()
    }
}

/// Signed integers: zigzag LEB128, so the same number has the same bytes whatever its width.
protocol BinarySignedInteger: BinaryPrimitive, FixedWidthInteger, SignedInteger {}

extension BinarySignedInteger {
    func write(to writer: inout BinaryWriter) {
        writer.writeZigzag(Int64(self))
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        let wide = try reader.readZigzag()
        guard let value = Self(exactly: wide) else { throw .malformed("\(wide) does not fit \(Self.self)") }
        self = value
    }
}

/// Unsigned integers: LEB128.
protocol BinaryUnsignedInteger: BinaryPrimitive, FixedWidthInteger, UnsignedInteger {}

extension BinaryUnsignedInteger {
    func write(to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(self))
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        let wide = try reader.readVarint()
        guard let value = Self(exactly: wide) else { throw .malformed("\(wide) does not fit \(Self.self)") }
        self = value
    }
}

extension Int: BinarySignedInteger {}
extension Int8: BinarySignedInteger {}
extension Int16: BinarySignedInteger {}
extension Int32: BinarySignedInteger {}
extension Int64: BinarySignedInteger {}
extension UInt: BinaryUnsignedInteger {}
extension UInt8: BinaryUnsignedInteger {}
extension UInt16: BinaryUnsignedInteger {}
extension UInt32: BinaryUnsignedInteger {}
extension UInt64: BinaryUnsignedInteger {}

extension Float: BinaryPrimitive {
    func write(to writer: inout BinaryWriter) {
        writer.writeFixed32(bitPattern)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(bitPattern: try reader.readFixed32())
    }
}

extension Double: BinaryPrimitive {
    func write(to writer: inout BinaryWriter) {
        writer.writeFixed64(bitPattern)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(bitPattern: try reader.readFixed64())
    }
}
