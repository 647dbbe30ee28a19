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
    /// decoder skip the full check on the common case. Tests eight bytes at a time.
    @inlinable
    public static func isPrintableASCII(_ utf8: UnsafeRawBufferPointer) -> Bool {
        let count = utf8.count
        guard count > 0, count <= domainIDByteCountMax else { return false }
        guard count >= 8 else {
            // Loads that overlap rather than a byte at a time: a byte read twice is tested twice.
            if count >= 4 {
                let first = UInt64(utf8.loadUnaligned(as: UInt32.self))
                let last = UInt64(utf8.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
                return unprintableBytes(first | last << 32) == 0
            }
            let middle = count / 2
            let bytes = UInt64(utf8[0]) | UInt64(utf8[middle]) << 8 | UInt64(utf8[count - 1]) << 16
            return unprintableBytes(bytes | 0x4141_4141_4100_0000) == 0  // "A", printable, past the bytes
        }
        var misses: UInt64 = 0
        var index = 0
        while index + 8 < count {
            misses |= unprintableBytes(utf8.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        // The last eight bytes, overlapping the word before when the count is not a multiple of 8.
        misses |= unprintableBytes(utf8.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        return misses == 0
    }

    /// Non-zero when a byte of `word` is below 0x20, at or above 0x7F, or `@` where it is refused.
    /// Each test is exact about whether such a byte exists, not about which one it is.
    @inlinable
    static func unprintableBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- 0x20 &* ones) & ~word & highBits
        let deleteOrAbove = ((word &+ ones) | word) & highBits
        guard !allowsAtSign else { return belowSpace | deleteOrAbove }
        let atSigns = word ^ (UInt64(UInt8(ascii: "@")) &* ones)
        return belowSpace | deleteOrAbove | ((atSigns &- ones) & ~atSigns & highBits)
    }

    /// The name of the event stream this id owns.
    public var streamId: String { Self.streamPrefix + rawValue }

    /// The raw text.
    public var description: String { rawValue }

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
