/// Turns any `Encodable` value into the compact binary format of `Docs/events.md`, so every
/// domain type is stored without per-type code and always as the same bytes.
///
/// The format is not self-describing: reading needs the same type, which the event's type tag
/// and schema version name. Containers are written in the order they are used, so an
/// `encode(to:)` that interleaves two nested containers is not supported (synthesized
/// conformances never do).
public struct BinaryEncoder: Sendable {
    /// The bounds a value must respect to be encoded, so every encoded value can be decoded.
    public var limits: BinaryCodingLimits

    /// Creates an encoder with the given limits.
    public init(limits: BinaryCodingLimits = .standard) {
        self.limits = limits
    }

    /// Encodes one value.
    public func encode<T: Encodable>(_ value: T) throws(EventCodecError) -> [UInt8] {
        let encoding = BinaryEncoding(limits: limits)
        do {
            try encoding.encodeValue(value)
        } catch {
            throw EventCodecError(error)
        }
        if let error = encoding.deferredError { throw error }
        return encoding.writer.bytes
    }
}

/// The `Encoder` behind `BinaryEncoder`: one instance writes one value into one buffer.
final class BinaryEncoding: Encoder {
    var writer: BinaryWriter
    let limits: BinaryCodingLimits
    var depth = 0
    /// A limit broken where the `Encoder` protocol gives no way to throw.
    var deferredError: EventCodecError?

    init(limits: BinaryCodingLimits) {
        self.writer = BinaryWriter(limits: limits)
        self.limits = limits
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncodingContainer<Key>(encoding: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryUnkeyedEncodingContainer(encoding: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinarySingleValueEncodingContainer(encoding: self)
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        if let custom = value as? any BinaryCustomEncodable {
            try custom.binaryEncode(to: self)
            return
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= limits.nestingDepthMax else { throw EventCodecError.nestingTooDeep(limit: limits.nestingDepthMax) }
        try value.encode(to: self)
    }

    /// A presence byte (0 absent, 1 present) and then the value.
    func encodeOptional<T: Encodable>(_ value: T?) throws {
        guard let value else {
            writer.writeByte(0)
            return
        }
        writer.writeByte(1)
        try encodeValue(value)
    }

    /// The bytes of a value on its own, for sorting set elements and dictionary keys.
    func encodeDetached<T: Encodable>(_ value: T) throws -> [UInt8] {
        let saved = writer
        writer = BinaryWriter(limits: limits)
        defer { writer = saved }
        try encodeValue(value)
        return writer.bytes
    }

    func writeCount(_ count: Int) throws(EventCodecError) {
        try writer.writeCount(count)
    }

    /// The name of a keyed nested container; names come from code, so an oversized one is a bug.
    func writeKeyName(_ name: String) {
        do {
            try writer.writeString(name)
        } catch {
            preconditionFailure("coding key \(name.prefix(32))... exceeds the string limit")
        }
    }
}

extension EventCodecError {
    /// Wraps whatever `Codable` code threw as a codec error.
    init(_ error: any Error) {
        switch error {
        case let error as EventCodecError:
            self = error
        case let error as DecodingError:
            self = .malformed(Self.describe(error))
        case let error as EncodingError:
            if case .invalidValue(_, let context) = error {
                self = .malformed(context.debugDescription)
            } else {
                self = .malformed("\(error)")
            }
        default:
            self = .malformed("\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): context.debugDescription
        case .keyNotFound(let key, _): "missing key \(key.stringValue)"
        case .typeMismatch(let type, let context): "\(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context): "\(type): \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}
