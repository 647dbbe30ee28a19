/// A value that writes itself in the binary format of `Docs/events.md`, the same bytes as its
/// synthesized `Encodable` conformance through `BinaryEncoder`, without the `Codable` runtime.
protocol BinaryWritable {
    /// Appends the value; throws only when a string or list breaks the writer's limits.
    func write(to writer: inout BinaryWriter) throws(EventCodecError)
}

/// A value that reads itself from the binary format, accepting and refusing exactly the bytes
/// `BinaryDecoder` accepts and refuses for its `Decodable` conformance.
protocol BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError)
}

/// Both directions of a hand-written codec.
typealias BinaryCodable = BinaryReadable & BinaryWritable

extension BinaryWriter {
    mutating func write(_ value: some BinaryWritable) throws(EventCodecError) {
        try value.write(to: &self)
    }
}

extension BinaryReader {
    mutating func read<Value: BinaryReadable>(_ type: Value.Type = Value.self) throws(EventCodecError) -> Value {
        try Value(from: &self)
    }

    /// Reads an enum's case name in place. A synthesized `init(from:)` learns its case by
    /// peeking at this name, so a name that cannot be read is an unknown case, like a wrong one.
    mutating func readCaseName<Enum>(of type: Enum.Type) throws(EventCodecError) -> CaseName {
        do {
            return CaseName(bytes: try readStringBytes())
        } catch {
            throw .unknownCase(of: type)
        }
    }
}

/// The bytes of an enum's case name, matched against names in a `switch` without making a `String`.
struct CaseName {
    let bytes: UnsafeRawBufferPointer

    @inline(__always)
    static func ~= (name: StaticString, caseName: CaseName) -> Bool {
        let count = name.utf8CodeUnitCount
        guard caseName.bytes.count == count else { return false }
        let expected = name.utf8Start
        for index in 0..<count where caseName.bytes[index] != expected[index] { return false }
        return true
    }
}

extension EventCodecError {
    /// What a synthesized `init(from:)` reports through `BinaryDecoder` for a case it does not know.
    static func unknownCase<Enum>(of type: Enum.Type) -> EventCodecError {
        .malformed("\(type): Invalid number of keys found, expected one.")
    }
}

/// Lists: the element count, then the elements.
extension Array: BinaryWritable where Element: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeCount(count)
        for element in self { try element.write(to: &writer) }
    }
}

extension Array: BinaryReadable where Element: BinaryReadable {
    /// Reserves no more elements than there are bytes left, as each takes at least one.
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        let count = try reader.readCount(limit: reader.limits.collectionCountMax)
        self.init()
        reserveCapacity(Swift.min(count, reader.remainingByteCount))
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

/// Optionals: a presence byte (0 absent, 1 present), then the value.
extension Optional: BinaryWritable where Wrapped: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .none:
            writer.writeByte(0)
        case .some(let value):
            writer.writeByte(1)
            try value.write(to: &writer)
        }
    }
}

extension Optional: BinaryReadable where Wrapped: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readByte() {
        case 0: self = .none
        case 1: self = .some(try Wrapped(from: &reader))
        case let byte: throw .malformed("presence byte \(byte)")
        }
    }
}
