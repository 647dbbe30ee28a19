/// An append-only log of events: what every storage engine behind the order engine provides.
///
/// Positions start at 1 and have no gaps; each stream's versions start at 1 and have no gaps.
/// Appends are atomic per request, idempotent per command id and durable when they return.
/// Implementations pass the shared conformance suite in `EventLogTests`.
public protocol EventLog: AnyObject, Sendable {
    /// Appends one request's events atomically and returns once they are durable.
    /// A repeated command id returns the first append's result and writes nothing.
    func append(_ request: AppendRequest) async throws -> AppendResult

    /// Appends many requests in one commit; each request succeeds or fails on its own, and the
    /// results come back in the same order.
    func append(contentsOf requests: [AppendRequest]) async -> [Result<AppendResult, EventLogError>]

    /// Up to `limit` events from `position` (inclusive) onwards, in position order.
    func read(fromPosition position: UInt64, limit: Int) throws -> [RecordedEvent]

    /// Up to `limit` events of one stream from `version` (inclusive) onwards, in version order.
    func readStream(_ streamId: String, fromVersion version: UInt64, limit: Int) throws -> [RecordedEvent]

    /// The stream's last version, 0 when it has no events.
    func streamVersion(_ streamId: String) throws -> UInt64

    /// The position of the last durable event, 0 for an empty log.
    func lastPosition() throws -> UInt64

    /// Calls `body` for every record from `position` up to `endPosition` (inclusive) with a
    /// borrowed view, without copying: the fast path for rebuilding projections. Checksums are
    /// checked when `checkingChecksums` is true. `body` returns false to stop early.
    func scan(
        fromPosition position: UInt64,
        through endPosition: UInt64,
        checkingChecksums: Bool,
        _ body: (UInt64, RecordView) throws -> Bool
    ) throws

    /// Returns once an event past `position` is durable. Throws `EventLogError.closed` when the
    /// log closes and `CancellationError` when the task is cancelled.
    func waitForEvents(after position: UInt64) async throws

    /// Checks every record's checksum, that positions have no gaps, the stream index and the
    /// hash chain; reports the first problem found.
    func verify() throws -> VerificationReport

    /// Finishes queued appends, then refuses new ones with `EventLogError.closed`.
    func close()
}

extension EventLog {
    /// Every event from `position` (inclusive) onwards: first those already in the log, then each
    /// new one as it becomes durable, with no gap and no duplicate.
    public func subscribe(fromPosition position: UInt64) -> EventSubscription {
        EventSubscription(log: self, nextPosition: max(position, 1))
    }
}
