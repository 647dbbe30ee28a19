import Dispatch
import Synchronization

/// Group commit: callers queue append requests; one writer thread drains everything queued,
/// hands it to `commit` as one batch (one transaction, one fsync), then resumes every caller.
///
/// Under light load a batch holds one request and latency is one commit; under a rush batches
/// grow by themselves up to `EventLogLimits.commitEventCountMax` events.
final class AppendQueue: Sendable {
    typealias Results = [Result<AppendResult, EventLogError>]
    typealias Commit = @Sendable ([AppendRequest]) -> Results

    private struct Waiter {
        var requests: [AppendRequest]
        var continuation: CheckedContinuation<Results, Never>
    }

    private struct State {
        var waiters: [Waiter] = []
        var queuedRequestCount = 0
        var writerIdle = false
        var closed = false
    }

    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the writer thread; `commit` runs on it and only on it.
    init(commit: @escaping Commit) {
        WriterThread {
            self.run(commit: commit)
            self.finished.signal()
        }.start()
    }

    /// Queues the requests and returns their results once they are durable (or refused).
    func submit(_ requests: [AppendRequest]) async -> Results {
        await withCheckedContinuation { continuation in
            let outcome: (refusal: EventLogError?, wake: Bool) = state.withLock { state in
                if state.closed { return (.closed, false) }
                if state.queuedRequestCount + requests.count > EventLogLimits.queuedRequestCountMax {
                    return (.overloaded(queuedCountMax: EventLogLimits.queuedRequestCountMax), false)
                }
                state.waiters.append(Waiter(requests: requests, continuation: continuation))
                state.queuedRequestCount += requests.count
                let wake = state.writerIdle
                state.writerIdle = false
                return (nil, wake)
            }
            if let refusal = outcome.refusal {
                continuation.resume(returning: requests.map { _ in .failure(refusal) })
            } else if outcome.wake {
                wakeup.signal()
            }
        }
    }

    /// Commits what is queued, refuses what comes later, and stops the writer thread.
    func close() {
        let wake = state.withLock { state in
            if state.closed { return false }
            state.closed = true
            let wake = state.writerIdle
            state.writerIdle = false
            return wake
        }
        if wake { wakeup.signal() }
        finished.wait()
        finished.signal()
    }

    private func run(commit: Commit) {
        while true {
            let taken: [Waiter]? = state.withLock { state in
                if state.waiters.isEmpty {
                    if state.closed { return nil }
                    state.writerIdle = true
                    return []
                }
                return Self.takeBatch(from: &state)
            }
            guard let taken else { return }
            if taken.isEmpty {
                wakeup.wait()
                continue
            }
            let requests = taken.count == 1 ? taken[0].requests : taken.flatMap(\.requests)
            let results = commit(requests)
            precondition(results.count == requests.count)
            var offset = 0
            for waiter in taken {
                let count = waiter.requests.count
                waiter.continuation.resume(returning: Array(results[offset..<(offset + count)]))
                offset += count
            }
        }
    }

    /// Takes waiters from the front until the batch would pass `commitEventCountMax` events
    /// (always at least one, so an oversized request still gets its answer).
    private static func takeBatch(from state: inout State) -> [Waiter] {
        var eventCount = 0
        var takenCount = 0
        for waiter in state.waiters {
            let waiterEvents = waiter.requests.reduce(0) { $0 + $1.events.count }
            if takenCount > 0 && eventCount + waiterEvents > EventLogLimits.commitEventCountMax { break }
            eventCount += waiterEvents
            takenCount += 1
        }
        let taken = Array(state.waiters.prefix(takenCount))
        state.waiters.removeFirst(takenCount)
        state.queuedRequestCount -= taken.reduce(0) { $0 + $1.requests.count }
        return taken
    }
}
