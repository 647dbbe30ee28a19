import Synchronization

/// How far the sales projection has got since the engine opened.
public struct SalesProjectionProgress: Sendable, Hashable {
    /// The last log position folded into the sales aggregates (its checkpoint).
    public var position: UInt64
    /// Events folded in since the engine opened: after a restart, only those past the checkpoint.
    public var eventsApplied: UInt64
    /// Batches committed since the engine opened, each one transaction.
    public var batchesWritten: UInt64
}

/// The projection's checkpoint and counters, and the tasks waiting for the checkpoint to reach
/// a position.
final class SalesProgress: Sendable {
    private let counters: Mutex<SalesProjectionProgress>
    private let waiters: PositionWaiters

    init(position: UInt64) {
        counters = Mutex(SalesProjectionProgress(position: position, eventsApplied: 0, batchesWritten: 0))
        waiters = PositionWaiters(position: position)
    }

    var progress: SalesProjectionProgress { counters.withLock { $0 } }

    /// Called after a batch through `position` of `eventCount` events committed.
    func advance(to position: UInt64, eventCount: Int) {
        counters.withLock { progress in
            precondition(position > progress.position, "the sales checkpoint went back")
            progress.position = position
            progress.eventsApplied += UInt64(eventCount)
            progress.batchesWritten += 1
        }
        waiters.publish(position)
    }

    /// Ends every wait, now and later, with `error`; the first ending wins.
    func end(_ error: any Error) {
        waiters.end(error)
    }

    /// Returns once the checkpoint reaches `position`; throws why the projection ended, or
    /// `CancellationError` when the task is cancelled.
    func waitUntil(_ position: UInt64) async throws {
        try await waiters.wait(untilReaching: position)
    }
}
