import Foundation

/// A domain command with the envelope every event it causes will carry.
public struct EngineCommand: Sendable, Hashable {
    /// Idempotency key: a command id the engine has seen returns the first outcome.
    public var id: UUID
    /// Groups the commands of one business conversation.
    public var correlationId: UUID
    /// The message that caused this command (the command itself when it starts a conversation).
    public var causationId: UUID
    /// Who sent it, for example `staff:alice` or `member:m1`.
    public var actor: String
    public var command: DomainCommand

    public init(
        id: UUID = UUID(),
        correlationId: UUID? = nil,
        causationId: UUID? = nil,
        actor: String,
        command: DomainCommand
    ) {
        self.id = id
        self.correlationId = correlationId ?? id
        self.causationId = causationId ?? id
        self.actor = actor
        self.command = command
    }
}

/// What an accepted command did.
public struct CommandOutcome: Sendable, Hashable {
    public var commandId: UUID
    /// The log positions its events occupy; empty (0..<0) for a command accepted without events,
    /// such as a provider callback the payment has already seen.
    public var positions: Range<UInt64>
    /// Its events, in order.
    public var events: [DomainEvent]
    /// True when the command id had been seen and this is the first outcome, returned again.
    public var duplicate: Bool
    /// The view of what the command acted on (its order, account, SKU stock, listing or coupon)
    /// as its batch left it; nil for a repeated command id, whose first outcome is long past.
    public var view: ResultingView?

    public init(commandId: UUID, positions: Range<UInt64>, events: [DomainEvent], duplicate: Bool, view: ResultingView? = nil) {
        self.commandId = commandId
        self.positions = positions
        self.events = events
        self.duplicate = duplicate
        self.view = view
    }
}

/// Why a command did not take effect.
public enum EngineError: Error, Sendable, Hashable {
    /// A business rule refused it; nothing was written. `refusal.code` is stable.
    case refused(Refusal)
    /// The log could not take it (storage full, corrupt record, closed...); nothing was written.
    case log(EventLogError)
    /// A stored event could not be decoded.
    case undecodableEvent(position: UInt64, problem: String)
    /// The engine is closed.
    case closed
    /// Too many commands are queued; retry later.
    case overloaded
}

extension EngineError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .refused(let refusal): "refused: \(refusal)"
        case .log(let error): "\(error)"
        case .undecodableEvent(let position, let problem): "undecodable event at position \(position): \(problem)"
        case .closed: "the engine is closed"
        case .overloaded: "overloaded: too many commands are queued"
        }
    }
}
