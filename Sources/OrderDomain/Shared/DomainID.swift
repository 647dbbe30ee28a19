/// The shape every identifier shares: a validated string that names one event stream.
///
/// Ids are non-empty, at most `byteCountMax` UTF-8 bytes and free of control characters,
/// checked on creation and on decoding, so a bad id can never reach the log.
public protocol DomainID: Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
where StringLiteralType == String {
    /// The validated text of the id.
    var rawValue: String { get }
    /// The prefix of the event stream this id names, such as `"order-"`.
    static var streamPrefix: String { get }
    /// Whether `@` may appear; stock stream ids use it as a separator.
    static var allowsAtSign: Bool { get }
    /// Wraps text that was already validated; not API.
    init(_unchecked rawValue: String)
}

/// The longest id, in UTF-8 bytes.
public let domainIDByteCountMax = 64

extension DomainID {
    /// Ids allow `@` unless they say otherwise.
    public static var allowsAtSign: Bool { true }

    /// Validates text as an id, refusing bad input with `validation_failed`.
    public init(_ rawValue: String) throws(Refusal) {
        try Self.validate(rawValue)
        self.init(_unchecked: rawValue)
    }

    /// Creates an id from a literal in code; a bad literal is a programmer error.
    public init(stringLiteral value: String) {
        do throws(Refusal) {
            try Self.validate(value)
        } catch {
            preconditionFailure(error.message)
        }
        self.init(_unchecked: value)
    }

    /// Whether UTF-8 bytes are a valid id by the quick test: printable ASCII of an allowed length,
    /// without `@` where it is refused. False proves nothing; `init(_:)` decides then. Lets a
    /// decoder skip the full check on the common case.
    @inlinable
    public static func isPrintableASCII(_ utf8: UnsafeRawBufferPointer) -> Bool {
        guard utf8.count > 0, utf8.count <= domainIDByteCountMax else { return false }
        let refusesAtSign = !allowsAtSign
        for byte in utf8 {
            guard byte >= 0x20, byte < 0x7F else { return false }
            if refusesAtSign, byte == UInt8(ascii: "@") { return false }
        }
        return true
    }

    /// The name of the event stream this id owns.
    public var streamId: String { Self.streamPrefix + rawValue }

    /// The raw text.
    public var description: String { rawValue }

    /// Orders ids by their text, which makes warehouse choice deterministic.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes and validates, so a corrupt id fails to decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            try Self.validate(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
        self.init(_unchecked: raw)
    }

    /// Encodes the raw text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    static func validate(_ raw: String) throws(Refusal) {
        let count = raw.utf8.count
        guard count > 0, count <= domainIDByteCountMax else {
            throw .validation("\(Self.self) must be 1...\(domainIDByteCountMax) UTF-8 bytes, got \(count)")
        }
        for scalar in raw.unicodeScalars {
            guard !Validation.isControl(scalar) else {
                throw .validation("\(Self.self) must not contain control characters")
            }
            guard Self.allowsAtSign || scalar != "@" else {
                throw .validation("\(Self.self) must not contain \"@\"")
            }
        }
    }
}
