import Synchronization

/// A position that only moves forward, and the tasks waiting for it to reach theirs: how a
/// subscription waits for new commits, and how callers wait for a projection to catch up.
public final class PositionWaiters: Sendable {
    private struct Waiter {
        var id: UInt64
        var position: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var position: UInt64
        /// Set once nothing more will be published: why waiting is pointless.
        var ending: (any Error)?
        var waiters: [Waiter] = []
        var nextWaiterId: UInt64 = 0
    }

    /// Most tasks waiting at once; more throw `EventLogError.overloaded`.
    public static let waiterCountMax = 65_536

    private let state: Mutex<State>

    public init(position: UInt64) {
        state = Mutex(State(position: position))
    }

    /// The last position published.
    public var position: UInt64 { state.withLock { $0.position } }

    /// Moves the position forward and wakes everyone waiting for it.
    public func publish(_ position: UInt64) {
        let ready: [Waiter] = state.withLock { state in
            precondition(position >= state.position, "a published position went back")
            state.position = position
            let ready = state.waiters.filter { $0.position <= position }
            state.waiters.removeAll { $0.position <= position }
            return ready
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Ends every wait, now and later, with `error`; the first ending wins.
    public func end(_ error: any Error) {
        let (waiting, ending) = state.withLock { state in
            let ending = state.ending ?? error
            state.ending = ending
            defer { state.waiters = [] }
            return (state.waiters, ending)
        }
        for waiter in waiting { waiter.continuation.resume(throwing: ending) }
    }

    /// Returns once the position reaches `position`; throws the ending's error, or
    /// `CancellationError` when the task is cancelled.
    public func wait(untilReaching position: UInt64) async throws {
        let id = state.withLock { state in
            defer { state.nextWaiterId += 1 }
            return state.nextWaiterId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: Result<Void, any Error>? = state.withLock { state in
                    if state.position >= position { return .success(()) }
                    if let ending = state.ending { return .failure(ending) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiters.count >= Self.waiterCountMax {
                        return .failure(EventLogError.overloaded(queuedCountMax: Self.waiterCountMax))
                    }
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
