/// A value with its own encoding in the binary format instead of going through `Codable`.
protocol BinaryCustomEncodable {
    func binaryEncode(to encoding: BinaryEncoding) throws
}

/// A value with its own decoding in the binary format instead of going through `Codable`.
protocol BinaryCustomDecodable {
    static func binaryDecode(from decoding: BinaryDecoding) throws -> Self
}

/// A standard-library scalar or string and its fixed encoding.
protocol BinaryPrimitive: BinaryCustomEncodable, BinaryCustomDecodable {
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) throws(EventCodecError)
    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> Self
}

extension BinaryPrimitive {
    func binaryEncode(to encoding: BinaryEncoding) throws {
        try write(to: &encoding.writer, limits: encoding.limits)
    }

    static func binaryDecode(from decoding: BinaryDecoding) throws -> Self {
        try read(from: &decoding.reader, limits: decoding.limits)
    }
}

extension Bool: BinaryPrimitive {
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) {
        writer.writeByte(self ? 1 : 0)
    }

    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> Bool {
        switch try reader.readByte() {
        case 0: false
        case 1: true
        case let byte: throw .malformed("boolean byte \(byte)")
        }
    }
}

extension String: BinaryPrimitive {
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) throws(EventCodecError) {
        try writer.writeString(self, limits: limits)
    }

    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> String {
        try reader.readString(limits: limits)
    }
}

/// Signed integers: zigzag LEB128, so the same number has the same bytes whatever its width.
protocol BinarySignedInteger: BinaryPrimitive, FixedWidthInteger, SignedInteger {}

extension BinarySignedInteger {
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) {
        writer.writeZigzag(Int64(self))
    }

    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> Self {
        let wide = try reader.readZigzag()
        guard let value = Self(exactly: wide) else { throw .malformed("\(wide) does not fit \(Self.self)") }
        return value
    }
}

/// Unsigned integers: LEB128.
protocol BinaryUnsignedInteger: BinaryPrimitive, FixedWidthInteger, UnsignedInteger {}

extension BinaryUnsignedInteger {
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) {
        writer.writeVarint(UInt64(self))
    }

    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> Self {
        let wide = try reader.readVarint()
        guard let value = Self(exactly: wide) else { throw .malformed("\(wide) does not fit \(Self.self)") }
        return value
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
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) {
        writer.writeFixed32(bitPattern)
    }

    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> Float {
        Float(bitPattern: try reader.readFixed32())
    }
}

extension Double: BinaryPrimitive {
    func write(to writer: inout BinaryWriter, limits: BinaryCodingLimits) {
        writer.writeFixed64(bitPattern)
    }

    static func read(from reader: inout BinaryReader, limits: BinaryCodingLimits) throws(EventCodecError) -> Double {
        Double(bitPattern: try reader.readFixed64())
    }
}
