import Dispatch
import Synchronization

/// Group commit for any single writer: callers queue items; one dedicated thread takes everything
/// queued, hands it to `commit` as one batch, then resumes every caller with its own outcome.
///
/// A caller that finds nothing queued and nothing being committed commits its own items at once,
/// on its own thread, instead of waking the writer thread and then being woken by it: a lone
/// append costs one commit and no thread hand-off. Whoever commits, batches never overlap, and
/// items that arrive meanwhile queue for the writer thread, which takes them all as one batch.
/// Under a rush, batches grow by themselves up to `batchWeightMax` (measured by `weight`, e.g.
/// events).
public final class GroupCommitQueue<Item: Sendable, Outcome: Sendable>: Sendable {
    public typealias Commit = @Sendable ([Item]) -> [Outcome]

    private struct Waiter {
        var items: [Item]
        var continuation: CheckedContinuation<[Outcome], Never>
    }

    private struct State {
        var waiters: [Waiter] = []
        var queuedItemCount = 0
        /// A batch is being committed, by the writer thread or by a caller.
        var committing = false
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
    private let commit: Commit

    /// Starts the writer thread. `commit` runs for one batch at a time, on the writer thread or
    /// on a submitting caller's (see above), and must return one outcome per item, in order; it
    /// may block (an fsync), but must not wait for other submissions. `refusal` answers items
    /// that cannot be queued.
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
        self.commit = commit
        WriterThread(name: "group-commit") {
            self.run()
            self.finished.signal()
        }.start()
    }

    /// Returns the items' outcomes, in order, once their batch is committed: committed at once on
    /// the calling thread when the queue is idle, otherwise queued for the writer thread.
    /// A submission too large to ever queue is refused as overloaded on either path, so whether
    /// it is taken does not depend on how busy the queue happens to be.
    public func submit(_ items: [Item]) async -> [Outcome] {
        let admission: Admission = state.withLock { state in
            if state.closed { return .refused(.closed) }
            if items.count > queuedItemCountMax { return .refused(.overloaded(queuedItemCountMax)) }
            guard state.waiters.isEmpty && !state.committing else { return .queue }
            state.committing = true
            return .commitHere
        }
        switch admission {
        case .refused(let refused):
            return items.map { _ in refusal(refused) }
        case .commitHere:
            return commitBatch(items)
        case .queue:
            return await enqueue(items)
        }
    }

    /// What `submit` does with a submission.
    private enum Admission {
        case refused(GroupCommitRefusal)
        /// The queue is idle and now marked committing: commit on the caller's thread.
        case commitHere
        case queue
    }

    private func enqueue(_ items: [Item]) async -> [Outcome] {
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

    /// Items waiting for the writer thread, not counting a batch being committed.
    var queuedItemCount: Int { state.withLock { $0.queuedItemCount } }

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

    /// Commits a batch its caller has marked `committing`, checks that every item has its outcome,
    /// and ends the batch.
    private func commitBatch(_ items: [Item]) -> [Outcome] {
        let outcomes = commit(items)
        precondition(outcomes.count == items.count, "commit returned \(outcomes.count) outcomes for \(items.count) items")
        finishCommitting()
        return outcomes
    }

    /// Ends a batch: wakes the writer thread when items queued up meanwhile, or when the queue was
    /// closed meanwhile (the writer stops only once no batch is being committed).
    private func finishCommitting() {
        let wake = state.withLock { state in
            state.committing = false
            guard state.writerIdle && (!state.waiters.isEmpty || state.closed) else { return false }
            state.writerIdle = false
            return true
        }
        if wake { wakeup.signal() }
    }

    private func run() {
        while true {
            let taken: [Waiter]? = state.withLock { state in
                if state.waiters.isEmpty || state.committing {
                    if state.closed && state.waiters.isEmpty && !state.committing { return nil }
                    state.writerIdle = true
                    return []
                }
                state.committing = true
                return takeBatch(from: &state)
            }
            guard let taken else { return }
            if taken.isEmpty {
                wakeup.wait()
                continue
            }
            let items = taken.count == 1 ? taken[0].items : taken.flatMap(\.items)
            let outcomes = commitBatch(items)
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
