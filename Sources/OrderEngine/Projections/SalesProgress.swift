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

/// Publishes the projection's checkpoint and wakes tasks waiting for it to reach a position.
final class SalesProgress: Sendable {
    private struct Waiter {
        var id: UInt64
        var position: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var progress: SalesProjectionProgress
        /// Set once the projection stops: why waiting is pointless.
        var ending: (any Error)?
        var waiters: [Waiter] = []
        var nextWaiterId: UInt64 = 0
    }

    /// Most tasks waiting at once.
    static let waiterCountMax = 4_096

    private let state: Mutex<State>

    init(position: UInt64) {
        state = Mutex(State(progress: SalesProjectionProgress(position: position, eventsApplied: 0, batchesWritten: 0)))
    }

    var progress: SalesProjectionProgress { state.withLock { $0.progress } }

    /// Called after a batch through `position` of `eventCount` events committed.
    func advance(to position: UInt64, eventCount: Int) {
        let ready: [Waiter] = state.withLock { state in
            precondition(position > state.progress.position, "the sales checkpoint went back")
            state.progress.position = position
            state.progress.eventsApplied += UInt64(eventCount)
            state.progress.batchesWritten += 1
            let ready = state.waiters.filter { $0.position <= position }
            state.waiters.removeAll { $0.position <= position }
            return ready
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Ends every wait, now and later, with `error`; the first ending wins.
    func end(_ error: any Error) {
        let (waiting, ending) = state.withLock { state in
            let ending = state.ending ?? error
            state.ending = ending
            defer { state.waiters = [] }
            return (state.waiters, ending)
        }
        for waiter in waiting { waiter.continuation.resume(throwing: ending) }
    }

    /// Returns once the checkpoint reaches `position`; throws why the projection ended, or
    /// `CancellationError` when the task is cancelled.
    func waitUntil(_ position: UInt64) async throws {
        let id = state.withLock { state in
            defer { state.nextWaiterId += 1 }
            return state.nextWaiterId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: Result<Void, any Error>? = state.withLock { state in
                    if state.progress.position >= position { return .success(()) }
                    if let ending = state.ending { return .failure(ending) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiters.count >= Self.waiterCountMax { return .failure(EngineError.overloaded) }
                    state.waiters.append(Waiter(id: id, position: position, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let cancelled: Waiter? = state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }
}
