import Foundation
import Synchronization

/// Group commit for the engine's commands: callers queue commands and await their outcomes; one
/// dedicated thread takes everything queued (up to `batchCommandCountMax`) and hands it to the
/// sequencer as one batch; every caller is resumed when the sequencer replies, which it may do
/// from another thread once the batch is durable, while this one goes on with the next batch.
///
/// The log's generic `GroupCommitQueue` does the same for appends. This one is written for
/// `EngineCommand` alone because the engine's queue is the hottest path a buyer takes: a single
/// command travels without an array of its own, the pending list and the batch buffer are reused
/// from batch to batch, and nothing needs generic metadata at run time.
final class CommandQueue: Sendable {
    typealias Outcome = Result<CommandOutcome, EngineError>
    typealias Commit = @Sendable ([EngineCommand]) -> [Outcome]
    typealias Reply = @Sendable ([Outcome]) -> Void
    /// Takes a batch and replies, exactly once, with one outcome per command.
    typealias Process = @Sendable ([EngineCommand], @escaping Reply) -> Void

    private enum Submission {
        case one(EngineCommand, UnsafeContinuation<Outcome, Never>)
        case many([EngineCommand], UnsafeContinuation<[Outcome], Never>)

        var count: Int {
            switch self {
            case .one: 1
            case .many(let commands, _): commands.count
            }
        }

        func forEachId(_ body: (UUID) -> Void) {
            switch self {
            case .one(let command, _): body(command.id)
            case .many(let commands, _): for command in commands { body(command.id) }
            }
        }
    }

    private struct State {
        var pending: [Submission] = []
        var queuedCommandCount = 0
        var writerIdle = false
        var closed = false
    }

    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let queuedCommandCountMax: Int
    private let batchCommandCountMax: Int
    /// Told of every command id from when it is queued until it is answered.
    private let registry: CommandIdRegistry?

    /// Starts the writer thread; `process` runs on it alone, and `drain` once after the last
    /// batch (it must return only when every batch has been replied to).
    init(
        queuedCommandCountMax: Int, batchCommandCountMax: Int, registry: CommandIdRegistry? = nil, process: @escaping Process,
        drain: @escaping @Sendable () -> Void
    ) {
        precondition(queuedCommandCountMax > 0 && batchCommandCountMax > 0)
        self.queuedCommandCountMax = queuedCommandCountMax
        self.batchCommandCountMax = batchCommandCountMax
        self.registry = registry
        let thread = Thread { [self] in
            run(process: process)
            drain()
            finished.signal()
        }
        thread.name = "order-engine-sequencer"
        thread.start()
    }

    /// A queue whose batches are committed and answered on its own thread, one after the other.
    convenience init(queuedCommandCountMax: Int, batchCommandCountMax: Int, commit: @escaping Commit) {
        self.init(
            queuedCommandCountMax: queuedCommandCountMax, batchCommandCountMax: batchCommandCountMax,
            process: { commands, reply in reply(commit(commands)) }, drain: {})
    }

    /// Queues one command and returns its outcome once its batch is durable.
    func submit(_ command: EngineCommand) async -> Outcome {
        await withUnsafeContinuation { continuation in
            switch enqueue(.one(command, continuation), count: 1) {
            case .some(let refusal): continuation.resume(returning: .failure(refusal))
            case .none: break
            }
        }
    }

    /// Queues the commands (none: just run a batch, for the expiry sweep) and returns their
    /// outcomes, in order, once their batch is durable.
    func submit(_ commands: [EngineCommand]) async -> [Outcome] {
        await withUnsafeContinuation { continuation in
            if let refusal = enqueue(.many(commands, continuation), count: commands.count) {
                continuation.resume(returning: commands.map { _ in .failure(refusal) })
            }
        }
    }

    /// Commands waiting for the writer (not those it is deciding).
    var queuedCommandCount: Int { state.withLock { $0.queuedCommandCount } }

    /// Commits what is queued, refuses what comes later, and stops the writer thread.
    func close() {
        let wake = state.withLock { state in
            if state.closed { return false }
            state.closed = true
            defer { state.writerIdle = false }
            return state.writerIdle
        }
        if wake { wakeup.signal() }
        finished.wait()
        finished.signal()
    }

    /// Adds the submission, or says why not.
    private func enqueue(_ submission: Submission, count: Int) -> EngineError? {
        // Registered first: from here on no caller decides these ids on its own.
        registry.map { registry in submission.forEachId(registry.submit) }
        let (refusal, wake): (EngineError?, Bool) = state.withLock { state in
            if state.closed { return (.closed, false) }
            if state.queuedCommandCount + count > queuedCommandCountMax { return (.overloaded, false) }
            state.pending.append(submission)
            state.queuedCommandCount += count
            defer { state.writerIdle = false }
            return (nil, state.writerIdle)
        }
        if wake { wakeup.signal() }
        if let registry, refusal != nil { submission.forEachId { registry.answered(CollectionOfOne($0)) } }
        return refusal
    }

    private func run(process: Process) {
        while true {
            var taken: [Submission] = []
            let stop: Bool? = state.withLock { state in
                if state.pending.isEmpty {
                    if state.closed { return true }
                    state.writerIdle = true
                    return nil
                }
                take(from: &state, into: &taken)
                return false
            }
            guard let stop else {
                wakeup.wait()
                continue
            }
            if stop { return }
            var commands: [EngineCommand] = []
            commands.reserveCapacity(taken.count)
            for submission in taken {
                switch submission {
                case .one(let command, _): commands.append(command)
                case .many(let many, _): commands.append(contentsOf: many)
                }
            }
            let count = commands.count
            process(commands) { [taken, registry, commands] outcomes in
                precondition(outcomes.count == count, "the batch got \(outcomes.count) outcomes for \(count) commands")
                registry?.answered(commands.lazy.map(\.id))
                Self.resume(taken, with: outcomes)
            }
        }
    }

    /// Moves submissions from the front of the queue until the batch would pass
    /// `batchCommandCountMax` (always at least one, so an oversized submission is still answered).
    private func take(from state: inout State, into taken: inout [Submission]) {
        var batchCount = 0
        var takenCount = 0
        for submission in state.pending {
            let count = submission.count
            if takenCount > 0 && batchCount + count > batchCommandCountMax { break }
            batchCount += count
            takenCount += 1
        }
        if takenCount == state.pending.count {
            swap(&taken, &state.pending)
        } else {
            taken.append(contentsOf: state.pending[..<takenCount])
            state.pending.removeFirst(takenCount)
        }
        state.queuedCommandCount -= batchCount
    }

    private static func resume(_ taken: [Submission], with outcomes: [Outcome]) {
        var offset = 0
        for submission in taken {
            switch submission {
            case .one(_, let continuation):
                continuation.resume(returning: outcomes[offset])
                offset += 1
            case .many(let commands, let continuation):
                continuation.resume(returning: Array(outcomes[offset..<(offset + commands.count)]))
                offset += commands.count
            }
        }
    }
}
