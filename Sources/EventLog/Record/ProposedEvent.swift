import struct FoundationEssentials.UUID

/// Who and what caused an event: carried by every record so an audit can trace any change
/// back to the command, the conversation and the person or system behind it.
public struct EventMetadata: Sendable, Hashable {
    /// The command that produced the event; also the idempotency key of its append.
    public var commandId: UUID
    /// Groups every event of one business conversation (for example one checkout).
    public var correlationId: UUID
    /// The message that directly caused this one.
    public var causationId: UUID
    /// When the command was accepted, from the caller's injected clock (microseconds since 1970).
    public var timestampMicroseconds: Int64
    /// The person or system that sent the command, for example `staff:alice` or `member:42`.
    public var actor: String

    public init(
        commandId: UUID,
        correlationId: UUID,
        causationId: UUID,
        timestampMicroseconds: Int64,
        actor: String
    ) {
        self.commandId = commandId
        self.correlationId = correlationId
        self.causationId = causationId
        self.timestampMicroseconds = timestampMicroseconds
        self.actor = actor
    }
}

/// An event that a caller wants appended: the log gives it a position and a stream version.
///
/// The log never interprets `eventType` or `payload`: they belong to whoever encodes events.
public struct ProposedEvent: Sendable, Hashable {
    /// The stream (aggregate instance) the event belongs to, for example `order-1001`.
    public var streamId: String
    /// A stable numeric tag naming the event's type in its encoder's registry.
    public var eventType: UInt16
    /// The shape of `payload`; readers upcast older versions.
    public var schemaVersion: UInt16
    public var metadata: EventMetadata
    /// The encoded event body.
    public var payload: [UInt8]

    public init(
        streamId: String,
        eventType: UInt16,
        schemaVersion: UInt16,
        metadata: EventMetadata,
        payload: [UInt8]
    ) {
        self.streamId = streamId
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.metadata = metadata
        self.payload = payload
    }
}

/// An event as stored: a proposed event plus the place the log gave it.
public struct RecordedEvent: Sendable, Hashable {
    /// The event's place in the whole log, starting at 1 and without gaps.
    public var position: UInt64
    /// The event's place in its stream, starting at 1 and without gaps.
    public var streamVersion: UInt64
    public var streamId: String
    public var eventType: UInt16
    public var schemaVersion: UInt16
    public var metadata: EventMetadata
    public var payload: [UInt8]

    public init(
        position: UInt64,
        streamVersion: UInt64,
        streamId: String,
        eventType: UInt16,
        schemaVersion: UInt16,
        metadata: EventMetadata,
        payload: [UInt8]
    ) {
        self.position = position
        self.streamVersion = streamVersion
        self.streamId = streamId
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.metadata = metadata
        self.payload = payload
    }
}
