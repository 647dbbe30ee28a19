import struct FoundationEssentials.UUID

/// What a writer expects a stream's current version to be: the optimistic-concurrency check.
public enum ExpectedVersion: Sendable, Hashable {
    /// No check.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must have exactly this version (0 means the stream is empty).
    case exactly(UInt64)

    func admits(_ actual: UInt64) -> Bool {
        switch self {
        case .any: true
        case .noStream: actual == 0
        case .exactly(let expected): actual == expected
        }
    }
}

/// One command's events, appended all or nothing.
///
/// `commandId` makes the append idempotent: appending a request whose command id the log has
/// already seen appends nothing and returns the first append's result.
public struct AppendRequest: Sendable, Hashable {
    public var commandId: UUID
    /// Checks per stream, by the stream id's bytes; a stream not named here is not checked.
    public var expectations: StreamExpectations
    /// The events, in order. Their metadata's command id must equal `commandId`.
    public var events: [ProposedEvent]

    public init(commandId: UUID, expectations: StreamExpectations = [:], events: [ProposedEvent]) {
        self.commandId = commandId
        self.expectations = expectations
        self.events = events
    }
}

/// Where an append's events landed.
public struct AppendResult: Sendable, Hashable {
    /// The first event's position.
    public var firstPosition: UInt64
    /// How many events the append wrote (0 only for a request without events).
    public var eventCount: UInt32
    /// True when the command id had been seen before and nothing new was written.
    public var duplicate: Bool

    public init(firstPosition: UInt64, eventCount: UInt32, duplicate: Bool) {
        self.firstPosition = firstPosition
        self.eventCount = eventCount
        self.duplicate = duplicate
    }

    /// The positions the append's events occupy.
    public var positions: Range<UInt64> { firstPosition..<(firstPosition + UInt64(eventCount)) }
}

extension AppendRequest {
    /// Why the log would refuse this request (a limit or rule it breaks), or nil when it would
    /// take it: lets a writer check before it commits to the request's consequences.
    public var invalidity: String? { AppendValidation.invalidity(of: self) }
}
