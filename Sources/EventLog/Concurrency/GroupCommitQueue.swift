import Dispatch
import Synchronization

/// Group commit for any single writer: callers queue items; one dedicated thread takes everything
/// queued, hands it to `commit` as one batch, then resumes every caller with its own outcome.
///
/// Under light load a batch holds one caller's items and latency is one commit; under a rush
/// batches grow by themselves up to `batchWeightMax` (measured by `weight`, e.g. events).
public final class GroupCommitQueue<Item: Sendable, Outcome: Sendable>: Sendable {
    public typealias Commit = @Sendable ([Item]) -> [Outcome]

    private struct Waiter {
        var items: [Item]
        var continuation: CheckedContinuation<[Outcome], Never>
    }

    private struct State {
        var waiters: [Waiter] = []
        var queuedItemCount = 0
        var writerIdle = false
        var closed = false
    }

    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let queuedItemCountMax: Int
    private let batchWeightMax: Int
    private let weight: @Sendable (Item) -> Int
    private let refusal: @Sendable (GroupCommitRefusal) -> Outcome

    /// Starts the writer thread; `commit` runs on it and only on it, and must return one outcome
    /// per item, in order. `refusal` answers items that cannot be queued.
    public init(
        queuedItemCountMax: Int,
        batchWeightMax: Int,
        weight: @escaping @Sendable (Item) -> Int,
        refusal: @escaping @Sendable (GroupCommitRefusal) -> Outcome,
        commit: @escaping Commit
    ) {
        precondition(queuedItemCountMax > 0 && batchWeightMax > 0)
        self.queuedItemCountMax = queuedItemCountMax
        self.batchWeightMax = batchWeightMax
        self.weight = weight
        self.refusal = refusal
        WriterThread(name: "group-commit") {
            self.run(commit: commit)
            self.finished.signal()
        }.start()
    }

    /// Queues the items and returns their outcomes, in order, once their batch is committed.
    public func submit(_ items: [Item]) async -> [Outcome] {
        await withCheckedContinuation { continuation in
            let outcome: (refusal: GroupCommitRefusal?, wake: Bool) = state.withLock { state in
                if state.closed { return (.closed, false) }
                if state.queuedItemCount + items.count > queuedItemCountMax { return (.overloaded(queuedItemCountMax), false) }
                state.waiters.append(Waiter(items: items, continuation: continuation))
                state.queuedItemCount += items.count
                let wake = state.writerIdle
                state.writerIdle = false
                return (nil, wake)
            }
            if let refused = outcome.refusal {
                continuation.resume(returning: items.map { _ in refusal(refused) })
            } else if outcome.wake {
                wakeup.signal()
            }
        }
    }

    /// Commits what is queued, refuses what comes later, and stops the writer thread.
    public func close() {
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
                return takeBatch(from: &state)
            }
            guard let taken else { return }
            if taken.isEmpty {
                wakeup.wait()
                continue
            }
            let items = taken.count == 1 ? taken[0].items : taken.flatMap(\.items)
            let outcomes = commit(items)
            precondition(outcomes.count == items.count, "commit returned \(outcomes.count) outcomes for \(items.count) items")
            var offset = 0
            for waiter in taken {
                let count = waiter.items.count
                waiter.continuation.resume(returning: Array(outcomes[offset..<(offset + count)]))
                offset += count
            }
        }
    }

    /// Takes waiters from the front until the batch would pass `batchWeightMax` (always at least
    /// one, so an oversized submission still gets its answer).
    private func takeBatch(from state: inout State) -> [Waiter] {
        var batchWeight = 0
        var takenCount = 0
        for waiter in state.waiters {
            let waiterWeight = waiter.items.reduce(0) { $0 + weight($1) }
            if takenCount > 0 && batchWeight + waiterWeight > batchWeightMax { break }
            batchWeight += waiterWeight
            takenCount += 1
        }
        let taken = Array(state.waiters.prefix(takenCount))
        state.waiters.removeFirst(takenCount)
        state.queuedItemCount -= taken.reduce(0) { $0 + $1.items.count }
        return taken
    }
}

/// Why an item never reached its writer.
public enum GroupCommitRefusal: Sendable, Hashable {
    /// The queue was closed.
    case closed
    /// The queue already held this many items.
    case overloaded(Int)
}
