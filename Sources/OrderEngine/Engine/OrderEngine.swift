import EventLog
import Foundation
import Logging
import OrderDomain

/// The engine users embed: opens a data directory, takes commands from any number of concurrent
/// callers, and answers queries, with every accepted command durable before its caller resumes.
///
/// Commands go through one sequencer (see `CommandSequencer`): decided in memory in arrival
/// order, written in batches with one transaction and one fsync each. Queries read projections
/// from LMDB snapshots and never wait for the writer.
public final class OrderEngine: Sendable {
    /// The event log underneath, for audits: verify, backup, export, subscriptions.
    public let log: LMDBEventLog
    let queue: CommandQueue
    let projections: InlineProjections
    let sales: SalesProjector
    let sequencer: CommandSequencer
    let fastRefusals: FastRefusals
    private let sweeper: Task<Void, Never>?

    /// Most commands waiting for the sequencer at once.
    public static let queuedCommandCountMax = 65_536
    /// Most commands decided in one batch (one transaction).
    public static let batchCommandCountMax = 8_192

    /// Opens (or creates) the engine's data directory and rebuilds its in-memory state from the log.
    public init(path: String, options: EngineOptions = EngineOptions(), logger: Logger) throws {
        do {
            try options.policy.validate()
        } catch {
            throw EngineError.refused(error)
        }
        guard options.cachedAggregateCountMax > 0 else {
            throw EngineError.refused(Refusal(.validationFailed, "cachedAggregateCountMax must be positive"))
        }
        guard options.memberOrderWaitingRowCountMax >= 0, options.memberOrderWaitingRunCountMax > 0 else {
            throw EngineError.refused(Refusal(.validationFailed, "memberOrderWaitingRowCountMax must not be negative"))
        }
        let log = try LMDBEventLog(
            path: path,
            options: LMDBEventLogOptions(
                durability: options.durability,
                mapSizeBytesInitial: options.mapSizeBytesInitial,
                mapSizeBytesMax: options.mapSizeBytesMax
            ),
            logger: logger
        )
        let start = ContinuousClock.now
        let lastPosition = try log.lastPosition()
        let (states, deadlines, snapshotPosition) =
            try StateSnapshot(log: log).read(from: log, lastPosition: lastPosition) ?? (DomainStates(), [], 0)
        let cache = StateCache(
            states: states, paymentDeadlines: deadlines, log: log, codec: EventCodec(), countMax: options.cachedAggregateCountMax)
        try cache.fold(after: snapshotPosition)
        logger.info(
            "engine state rebuilt",
            metadata: [
                "snapshot_position": "\(snapshotPosition)", "events_folded": "\(lastPosition - snapshotPosition)",
                "duration": "\(ContinuousClock.now - start)",
            ])
        let registry = CommandIdRegistry(refusalCountMax: options.refusalMemoryCountMax)
        let gate = SoldOutGate()
        let sequencer = try CommandSequencer(
            cache: cache, eventsSinceSnapshot: lastPosition - snapshotPosition, log: log, registry: registry, gate: gate,
            options: options, logger: logger)
        self.sequencer = sequencer
        fastRefusals = FastRefusals(log: log, gate: gate, registry: registry, policy: options.policy)
        self.log = log
        self.projections = try InlineProjections(log: log)
        self.sales = try SalesProjector.started(log: log, logger: logger)
        let queue = CommandQueue(
            queuedCommandCountMax: Self.queuedCommandCountMax,
            batchCommandCountMax: Self.batchCommandCountMax,
            registry: registry,
            process: { commands, reply in sequencer.process(commands, reply: reply) },
            drain: { sequencer.drain() }
        )
        self.queue = queue
        sweeper = options.expirySweepInterval.map { interval in
            Task { [queue] in
                while (try? await Task.sleep(for: interval)) != nil {
                    _ = await queue.submit([])
                }
            }
        }
    }

    /// Executes one command; returns once its events are durable, or throws why it was not taken.
    /// A placement of SKUs sold out in the durable log is refused on the caller's own thread,
    /// with the refusal the sequencer would give (see `FastRefusals`).
    public func execute(_ command: EngineCommand) async throws(EngineError) -> CommandOutcome {
        if let refusal = fastRefusals.refusal(for: command) { throw .refused(refusal) }
        return try await queue.submit(command).get()
    }

    /// Executes many commands in arrival order; each succeeds or fails on its own. Leading
    /// placements of SKUs sold out in the durable log are refused on the caller's thread, as by
    /// `execute(_:)`; the first command that cannot be, and all after it, go to the sequencer
    /// together, so a later command never overtakes an earlier one.
    public func execute(contentsOf commands: [EngineCommand]) async -> [Result<CommandOutcome, EngineError>] {
        var refused: [Result<CommandOutcome, EngineError>] = []
        while refused.count < commands.count, let refusal = fastRefusals.refusal(for: commands[refused.count]) {
            refused.append(.failure(.refused(refusal)))
        }
        if refused.isEmpty { return await queue.submit(commands) }
        if refused.count == commands.count { return refused }
        return refused + (await queue.submit(Array(commands[refused.count...])))
    }

    /// Expires every unpaid order past its payment deadline by the engine's clock, releasing its
    /// stock, coupon use and points; returns once that is durable. The engine also does this at the
    /// start of every batch, and on a timer (`EngineOptions.expirySweepInterval`) when it is quiet.
    public func expireDueOrders() async {
        _ = await queue.submit([])
    }

    /// Finishes queued commands, then closes the log. Later commands fail with `closed`.
    public func close() {
        sales.stop()
        sweeper?.cancel()
        queue.close()
        sequencer.writeSnapshot()
        log.close()
    }
}
