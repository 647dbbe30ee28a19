import Synchronization

/// Publishes the last durable position and wakes tasks waiting for the log to grow past theirs.
/// Subscriptions use it to turn from catching up to following live without polling.
final class CommitNotifier: Sendable {
    private struct Waiter {
        var id: UInt64
        var position: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var committedPosition: UInt64
        var waiters: [Waiter] = []
        var nextWaiterId: UInt64 = 0
        var closed = false
    }

    private let state: Mutex<State>

    init(committedPosition: UInt64) {
        state = Mutex(State(committedPosition: committedPosition))
    }

    var committedPosition: UInt64 { state.withLock { $0.committedPosition } }

    /// Called by the writer after a commit is durable.
    func publish(_ position: UInt64) {
        let ready: [Waiter] = state.withLock { state in
            state.committedPosition = position
            let ready = state.waiters.filter { $0.position < position }
            state.waiters.removeAll { $0.position < position }
            return ready
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Wakes every waiter with `EventLogError.closed`.
    func close() {
        let waiting: [Waiter] = state.withLock { state in
            state.closed = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiting { waiter.continuation.resume(throwing: EventLogError.closed) }
    }

    /// Returns once the committed position is past `position`; throws when the log closes or the
    /// task is cancelled.
    func waitUntil(after position: UInt64) async throws {
        let id = state.withLock { state in
            defer { state.nextWaiterId += 1 }
            return state.nextWaiterId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: (any Error)?? = state.withLock { state in
                    if state.closed { return .some(EventLogError.closed) }
                    if state.committedPosition > position { return .some(nil) }
                    if Task.isCancelled { return .some(CancellationError()) }
                    state.waiters.append(Waiter(id: id, position: position, continuation: continuation))
                    return .none
                }
                switch immediate {
                case .some(.some(let error)): continuation.resume(throwing: error)
                case .some(.none): continuation.resume()
                case .none: break
                }
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
