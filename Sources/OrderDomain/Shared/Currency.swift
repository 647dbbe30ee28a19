/// An ISO 4217 currency, validated on creation so no amount can carry an unknown code.
///
/// Stored as its three letters packed into an integer, which keeps comparison and hashing
/// on the hot path free of string work.
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline let packed: UInt32
    /// Digits after the decimal point: how many minor units make one major unit (as a power of ten).
    public let minorUnitExponent: UInt8

    /// Validates an ISO 4217 code such as `"CNY"`; refuses unknown codes with `validation_failed`.
    public init(_ code: String) throws(Refusal) {
        try self.init(utf8: code.utf8)
    }

    /// Validates an ISO 4217 code given as its UTF-8 bytes, as decoders read it, without making a
    /// `String` first. Inlinable, so a decoder's call is specialized for its byte buffer rather
    /// than iterating through a protocol.
    @inlinable
    public init(utf8 code: some Collection<UInt8>) throws(Refusal) {
        guard let packed = Currency.pack(code), let exponent = Currency.exponent(ofPacked: packed) else {
            throw Currency.unknown(String(decoding: code, as: UTF8.self))
        }
        self.packed = packed
        self.minorUnitExponent = exponent
    }

    /// The refusal of a code ISO 4217 does not list.
    @usableFromInline
    static func unknown(_ code: String) -> Refusal {
        .validation("unknown currency code \"\(code)\"")
    }

    /// The three-letter code.
    public var code: String {
        String(unsafeUninitializedCapacity: 3) { buffer in
            buffer[0] = UInt8(packed >> 16)
            buffer[1] = UInt8((packed >> 8) & 0xFF)
            buffer[2] = UInt8(packed & 0xFF)
            return 3
        }
    }

    /// The code, for messages and logs.
    public var description: String { code }

    /// Minor units in one major unit (100 for CNY, 1 for JPY, 1000 for KWD).
    public var minorUnitsPerMajorUnit: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitExponent { result *= 10 }
        return result
    }

    /// Three capital letters as one number, the first in the high byte; nil for anything else.
    @inlinable
    static func pack(_ code: some Collection<UInt8>) -> UInt32? {
        guard code.count == 3 else { return nil }
        var packed: UInt32 = 0
        for byte in code {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            packed = packed << 8 | UInt32(byte)
        }
        return packed
    }
}

extension Currency {
    /// Chinese yuan renminbi, the mall's home currency.
    public static let cny = Currency(known: "CNY")
    /// United States dollar.
    public static let usd = Currency(known: "USD")
    /// Euro.
    public static let eur = Currency(known: "EUR")
    /// Hong Kong dollar.
    public static let hkd = Currency(known: "HKD")
    /// Japanese yen, a currency without minor units.
    public static let jpy = Currency(known: "JPY")

    private init(known code: String) {
        do throws(Refusal) {
            try self.init(code)
        } catch {
            preconditionFailure("built-in currency \(code) must be valid")
        }
    }
}

extension Currency: Codable {
    /// Decodes a code and validates it, so a stored unknown code fails to decode instead of
    /// entering the domain.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            try self.init(code)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the three-letter code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
