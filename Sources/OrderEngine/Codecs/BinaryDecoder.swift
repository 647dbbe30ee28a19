/// Turns bytes of the binary format back into a `Decodable` value, safely: every read is
/// bounds-checked, lengths, counts and nesting are limited, and every failure is a typed
/// `EventCodecError`, whatever the bytes.
public struct BinaryDecoder: Sendable {
    /// The bounds hostile input cannot pass.
    public var limits: BinaryCodingLimits

    /// Creates a decoder with the given limits.
    public init(limits: BinaryCodingLimits = .standard) {
        self.limits = limits
    }

    /// Decodes one value that must take exactly all of `bytes`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(EventCodecError) -> T {
        var result: Result<T, EventCodecError> = .failure(.truncated)
        bytes.withUnsafeBytes { raw in
            do throws(EventCodecError) {
                result = .success(try decode(type, from: raw))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// Decodes one value that must take exactly all of `bytes`, reading them in place.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws(EventCodecError) -> T {
        let decoding = BinaryDecoding(bytes, limits: limits)
        let value: T
        do {
            value = try decoding.decodeValue(type)
        } catch {
            throw EventCodecError(error)
        }
        try decoding.expectEnd()
        return value
    }
}

/// The `Decoder` behind `BinaryDecoder`: one instance reads one value from borrowed bytes.
final class BinaryDecoding: Decoder {
    var reader: BinaryReader
    let limits: BinaryCodingLimits
    var depth = 0
    /// A failure found where the `Decoder` protocol gives no way to throw.
    var deferredError: EventCodecError?

    init(_ bytes: UnsafeRawBufferPointer, limits: BinaryCodingLimits) {
        self.reader = BinaryReader(bytes, limits: limits)
        self.limits = limits
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(BinaryKeyedDecodingContainer<Key>(decoding: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryUnkeyedDecodingContainer(decoding: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(decoding: self)
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let custom = type as? any BinaryCustomDecodable.Type {
            guard let value = try custom.binaryDecode(from: self) as? T else {
                preconditionFailure("\(custom) decodes itself")
            }
            return value
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= limits.nestingDepthMax else { throw EventCodecError.nestingTooDeep(limit: limits.nestingDepthMax) }
        return try T(from: self)
    }

    /// Reads a presence byte: 0 is `nil` (returns true), 1 means a value follows (returns false).
    func decodeNil() throws(EventCodecError) -> Bool {
        switch try reader.readByte() {
        case 0: true
        case 1: false
        case let byte: throw .malformed("presence byte \(byte)")
        }
    }

    func decodeOptional<T: Decodable>(_ type: T.Type) throws -> T? {
        try decodeNil() ? nil : try decodeValue(type)
    }

    func readCount() throws(EventCodecError) -> Int {
        try reader.readCount(limit: limits.collectionCountMax)
    }

    func expectEnd() throws(EventCodecError) {
        if let deferredError { throw deferredError }
        guard reader.remainingByteCount == 0 else {
            throw .malformed("\(reader.remainingByteCount) bytes after the value")
        }
    }
}
