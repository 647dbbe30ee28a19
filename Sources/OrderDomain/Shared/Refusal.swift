/// Why a command was not accepted: a stable code for machines and a message for people.
///
/// Deciders throw it instead of crashing on bad input, so the engine can return it to the
/// caller, store it as the outcome of an idempotent command and write nothing.
public struct Refusal: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stable code that callers branch on.
    public let code: RefusalCode
    private let detail: Detail

    /// What the message is made from. A sell-out refuses nearly every order for want of stock,
    /// so that refusal keeps its numbers and spells them out only when the message is read.
    private enum Detail: Sendable {
        case text(String)
        case unitsShort(available: Int64, wanted: Int64, sku: SKUID)

        var message: String {
            switch self {
            case .text(let text): text
            case .unitsShort(let available, let wanted, let sku): "\(available) of \(wanted) units of \(sku) available"
            }
        }
    }

    /// Creates a refusal; callers build `message` on the refusing path only.
    public init(_ code: RefusalCode, _ message: String) {
        self.code = code
        self.detail = .text(message)
    }

    private init(_ code: RefusalCode, _ detail: Detail) {
        self.code = code
        self.detail = detail
    }

    /// `insufficient_stock`: only `available` of the `wanted` units of `sku` can be had.
    static func unitsShort(available: Int64, wanted: Int64, sku: SKUID) -> Refusal {
        Refusal(.insufficientStock, .unitsShort(available: available, wanted: wanted, sku: sku))
    }

    /// A human explanation.
    public var message: String { detail.message }

    /// The code and message together, for logs.
    public var description: String { "\(code.rawValue): \(message)" }

    public static func == (lhs: Refusal, rhs: Refusal) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }

    private enum CodingKeys: String, CodingKey {
        case code, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(RefusalCode.self, forKey: .code), try container.decode(String.self, forKey: .message))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
    }
}

extension Refusal {
    static func invalidTransition(_ command: StaticString, from state: some Any) -> Refusal {
        Refusal(.invalidTransition, "\(command) is not allowed in state \(state)")
    }

    static func validation(_ message: String) -> Refusal {
        Refusal(.validationFailed, message)
    }
}
