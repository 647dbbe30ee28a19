/// Why a command was not accepted: a stable code for machines and a message for people.
///
/// Deciders throw it instead of crashing on bad input, so the engine can return it to the
/// caller, store it as the outcome of an idempotent command and write nothing.
public struct Refusal: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stable code that callers branch on.
    public let code: RefusalCode
    /// A human explanation; built only when a command is refused.
    public let message: String

    /// Creates a refusal; callers build `message` on the refusing path only.
    public init(_ code: RefusalCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and message together, for logs.
    public var description: String { "\(code.rawValue): \(message)" }
}

extension Refusal {
    static func invalidTransition(_ command: StaticString, from state: some Any) -> Refusal {
        Refusal(.invalidTransition, "\(command) is not allowed in state \(state)")
    }

    static func validation(_ message: String) -> Refusal {
        Refusal(.validationFailed, message)
    }
}
