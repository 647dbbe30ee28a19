import EventLog
import Dispatch
import Foundation
import Logging
import OrderDomain
import Synchronization

/// The single writer: decides each queued command against in-memory state, applying its events at
/// once so the next command in the batch sees them (the buyer after the last unit is refused in
/// the same batch), then writes the whole batch (events, idempotency entries, inline projections)
/// in one transaction with one fsync, and only then answers anyone.
///
/// Runs on the group-commit thread only; `cache` belongs to it.
final class CommandSequencer: @unchecked Sendable {
    let cache: StateCache
    private var refusals: RefusalMemory
    private let log: LMDBEventLog
    private let projections: InlineProjections
    private let policy: DomainPolicy
    private let clock: any EngineClock
    private let logger: Logger
    private let codec = EventCodec()
    private let snapshot: StateSnapshot
    private let snapshotEventInterval: UInt64?
    private var eventsSinceSnapshot: UInt64
    private let batchCounter = Atomic<UInt64>(0)
    private let commandCounter = Atomic<UInt64>(0)
    private let writtenBatchCounter = Atomic<UInt64>(0)
    private let cachedAggregates = Atomic<Int>(0)
    private let aggregateLoads = Atomic<UInt64>(0)
    private let histograms = BatchHistograms()
    /// Periodic snapshots are encoded and written here, off the writer thread, one at a time.
    private let snapshotWriter = DispatchQueue(label: "order-engine-snapshots")
    private let snapshotInFlight = Atomic<Bool>(false)

    /// `eventsSinceSnapshot`: how many events `cache` holds beyond the last stored snapshot.
    init(cache: StateCache, eventsSinceSnapshot: UInt64, log: LMDBEventLog, options: EngineOptions, logger: Logger) throws {
        self.cache = cache
        cachedAggregates.store(cache.count, ordering: .relaxed)
        self.refusals = RefusalMemory(countMax: options.refusalMemoryCountMax)
        self.log = log
        self.projections = try InlineProjections(log: log)
        self.snapshot = try StateSnapshot(log: log)
        self.snapshotEventInterval = options.snapshotEventInterval
        self.eventsSinceSnapshot = eventsSinceSnapshot
        self.policy = options.policy
        self.clock = options.clock
        self.logger = logger
    }

    /// Most unpaid orders one batch expires.
    static let expiryBatchCountMax = 4_096

    /// One batch, one outcome per command, in order. Unpaid orders past their deadline are expired
    /// first, in the same transaction, by the system.
    func commit(_ commands: [EngineCommand]) -> [Result<CommandOutcome, EngineError>] {
        let now = clock.nowMicroseconds()
        let due = cache.popDueOrders(now: now, countMax: Self.expiryBatchCountMax)
        let expirations = due.map { order in
            EngineCommand(actor: "system:expiry", command: .expireOrder(order, at: Timestamp(microsecondsSince1970: now)))
        }
        if expirations.isEmpty && commands.isEmpty { return [] }
        batchCounter.add(1, ordering: .relaxed)
        commandCounter.add(UInt64(commands.count), ordering: .relaxed)
        let started = ContinuousClock.now
        let outcomes = commitCommands(expirations.isEmpty ? commands : expirations + commands, timestampMicroseconds: now)
        histograms.record(batchSize: expirations.count + commands.count, duration: ContinuousClock.now - started)
        for (order, outcome) in zip(due, outcomes) {
            guard case .failure(let error) = outcome else { continue }
            logger.warning("expiry of an unpaid order failed", metadata: ["order": "\(order)", "error": "\(error)"])
            cache.retryExpiry(of: order)
        }
        return Array(outcomes.dropFirst(expirations.count))
    }

    private func commitCommands(_ commands: [EngineCommand], timestampMicroseconds: Int64) -> [Result<CommandOutcome, EngineError>] {
        let stored: [AppendResult?]
        do {
            stored = try log.commandOutcomes(commands.map(\.id))
        } catch {
            return commands.map { _ in .failure(.log(EventLogError.from(error))) }
        }
        var batch = Batch(count: commands.count, timestampMicroseconds: timestampMicroseconds)
        cache.withBatchReads {
            for (index, command) in commands.enumerated() {
                if let earlier = stored[index] {
                    batch.outcomes[index] = outcome(of: command.id, storedAt: earlier)
                } else if let first = batch.firstIndex.updateValue(index, forKey: command.id) {
                    batch.firstIndex[command.id] = first
                    batch.repeats.append((index, first))
                } else if let refusal = refusals.refusal(for: command.id) {
                    batch.outcomes[index] = .failure(.refused(refusal))
                } else {
                    decide(command, index: index, into: &batch)
                }
            }
        }
        write(&batch)
        cache.evictBeyondLimit()
        cachedAggregates.store(cache.count, ordering: .relaxed)
        aggregateLoads.store(cache.loadCount, ordering: .relaxed)
        for (index, first) in batch.repeats { batch.outcomes[index] = batch.outcomes[first] }
        return batch.outcomes.map { $0! }
    }

    /// Decides one command; accepted events change the held states at once. A failed read of the
    /// log while deciding fails the command: its decision may rest on a state it could not read.
    private func decide(_ command: EngineCommand, index: Int, into batch: inout Batch) {
        let decision = Result { () throws(Refusal) in try Domain.decide(command.command, cache, policy) }
        if case .success(let events) = decision { cache.readBack(events) }
        if let failure = cache.takeLoadFailure() {
            batch.outcomes[index] = .failure(failure)
            return
        }
        let events: [DomainEvent]
        switch decision {
        case .failure(let refusal):
            batch.refused.append((index, command.id, refusal))
            batch.outcomes[index] = .failure(.refused(refusal))
            return
        case .success(let decided):
            events = decided
        }
        if events.isEmpty {
            batch.unchanged.append((index, command.id, ViewSubject(command.command, states: cache)))
            return
        }
        let request = request(command, events, timestampMicroseconds: batch.timestampMicroseconds)
        if let problem = request.invalidity {
            let refusal = Refusal(.validationFailed, problem)
            batch.refused.append((index, command.id, refusal))
            batch.outcomes[index] = .failure(.refused(refusal))
            return
        }
        cache.apply(events)
        batch.accepted.append((index, command.id, events, ViewSubject(command.command, states: cache)))
        batch.requests.append(request)
    }

    /// Commits the batch's appends with the inline projections; answers accordingly.
    private func write(_ batch: inout Batch) {
        let events = batch.accepted.flatMap(\.events)
        let results: [Result<AppendResult, EventLogError>]
        var orderViews: [OrderID: OrderView] = [:]
        do {
            results = try log.commit(batch.requests) { [projections, cache] _, writer in
                orderViews = try projections.write(events: events, states: cache, into: &writer)
                if let failure = cache.takeLoadFailure() { throw failure }
            }
            if let failure = results.lazy.compactMap(\.failure).first {
                preconditionFailure("a request failed on its own after the sequencer checked it: \(failure)")
            }
        } catch {
            let failure = EventLogError.from(error)
            logger.error("batch failed; refolding what it touched", metadata: ["error": "\(failure)"])
            refold(events)
            for index in batch.accepted.map(\.index) + batch.refused.map(\.index) + batch.unchanged.map(\.index) {
                batch.outcomes[index] = .failure(.log(failure))
            }
            return
        }
        let storedOrder = { [log, projections] (id: OrderID) in try? log.withSnapshot { try projections.orders.storedView(id, reader: $0) } }
        for ((index, id, events, subject), result) in zip(batch.accepted, results) {
            let appended = try! result.get()
            let view = subject?.view(states: cache, orderViews: orderViews, storedOrder: storedOrder)
            batch.outcomes[index] = .success(CommandOutcome(commandId: id, positions: appended.positions, events: events, duplicate: false, view: view))
        }
        for (index, id, subject) in batch.unchanged {
            let view = subject?.view(states: cache, orderViews: orderViews, storedOrder: storedOrder)
            batch.outcomes[index] = .success(CommandOutcome(commandId: id, positions: 0..<0, events: [], duplicate: false, view: view))
        }
        for (_, id, refusal) in batch.refused { refusals.remember(refusal, for: id) }
        if !batch.requests.isEmpty { writtenBatchCounter.add(1, ordering: .relaxed) }
        eventsSinceSnapshot += UInt64(events.count)
        if let interval = snapshotEventInterval, eventsSinceSnapshot >= interval { writeSnapshotInBackground() }
    }

    var statistics: EngineStatistics {
        let (batchSizes, commitSeconds) = histograms.current
        return EngineStatistics(
            batchCount: batchCounter.load(ordering: .relaxed), commandCount: commandCounter.load(ordering: .relaxed),
            writtenBatchCount: writtenBatchCounter.load(ordering: .relaxed), batchSizes: batchSizes,
            commitSeconds: commitSeconds, cachedAggregateCount: cachedAggregates.load(ordering: .relaxed),
            aggregateLoadCount: aggregateLoads.load(ordering: .relaxed))
    }

    /// Hands a copy of the state (copy-on-write: nothing is copied until the next batch changes a
    /// table) to the snapshot queue. Encoding and writing half a million orders took seconds, during
    /// which no buyer was answered; now the writer goes on with the next batch. A snapshot still
    /// being written when the next one is due delays the next one.
    private func writeSnapshotInBackground() {
        guard snapshotInFlight.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        let position: UInt64
        do {
            position = try log.lastPosition()
        } catch {
            snapshotInFlight.store(false, ordering: .releasing)
            logger.warning("state snapshot not written; a restart will fold more of the log", metadata: ["error": "\(error)"])
            return
        }
        let states = cache.states
        let deadlines = cache.expiries.entries
        eventsSinceSnapshot = 0
        snapshotWriter.async { [self] in
            do {
                try snapshot.write(states, paymentDeadlines: deadlines, position: position, to: log)
            } catch {
                logger.warning("state snapshot not written; a restart will fold more of the log", metadata: ["error": "\(error)"])
            }
            snapshotInFlight.store(false, ordering: .releasing)
        }
    }

    /// Returns once no periodic snapshot is being written.
    func waitForBackgroundSnapshot() {
        snapshotWriter.sync {}
    }

    /// Stores the in-memory state as of the log's end, after any snapshot still being written.
    /// Call only from the sequencer's thread, or once the queue that feeds it is closed.
    func writeSnapshot() {
        waitForBackgroundSnapshot()
        guard eventsSinceSnapshot > 0 else { return }
        do {
            try snapshot.write(cache.states, paymentDeadlines: cache.expiries.entries, position: try log.lastPosition(), to: log)
            eventsSinceSnapshot = 0
        } catch {
            logger.warning("state snapshot not written; a restart will fold more of the log", metadata: ["error": "\(error)"])
        }
    }

    /// Reads every aggregate `events` touched back from the durable log.
    private func refold(_ events: [DomainEvent]) {
        for aggregate in Set(events.map(\.aggregate)) {
            do {
                try cache.reload(aggregate)
            } catch {
                logger.critical("cannot refold \(aggregate.streamId) from the log: \(error)")
                preconditionFailure("in-memory state would run ahead of the log: \(error)")
            }
        }
    }

    /// The first outcome of a command the log already holds.
    private func outcome(of id: UUID, storedAt earlier: AppendResult) -> Result<CommandOutcome, EngineError> {
        do {
            let records = try log.read(fromPosition: earlier.firstPosition, limit: Int(earlier.eventCount))
            let events = try records.map { record in try EventReplay.decode(record, codec: codec) }
            return .success(CommandOutcome(commandId: id, positions: earlier.positions, events: events, duplicate: true))
        } catch let error as EngineError {
            return .failure(error)
        } catch {
            return .failure(.log(EventLogError.from(error)))
        }
    }

    private func request(_ command: EngineCommand, _ events: [DomainEvent], timestampMicroseconds: Int64) -> AppendRequest {
        let metadata = EventMetadata(
            commandId: command.id,
            correlationId: command.correlationId,
            causationId: command.causationId,
            timestampMicroseconds: timestampMicroseconds,
            actor: command.actor
        )
        return AppendRequest(commandId: command.id, events: events.map { codec.proposedEvent($0, metadata: metadata) })
    }
}

/// One batch's bookkeeping.
private struct Batch {
    var outcomes: [Result<CommandOutcome, EngineError>?]
    var firstIndex: [UUID: Int] = [:]
    var repeats: [(index: Int, first: Int)] = []
    var accepted: [(index: Int, id: UUID, events: [DomainEvent], subject: ViewSubject?)] = []
    /// Accepted without events: nothing to write, a view to show.
    var unchanged: [(index: Int, id: UUID, subject: ViewSubject?)] = []
    var refused: [(index: Int, id: UUID, refusal: Refusal)] = []
    var requests: [AppendRequest] = []
    let timestampMicroseconds: Int64

    init(count: Int, timestampMicroseconds: Int64) {
        outcomes = Array(repeating: nil, count: count)
        firstIndex.reserveCapacity(count)
        self.timestampMicroseconds = timestampMicroseconds
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension DomainEvent {
    /// The stock item the event changes, if it is a stock event.
    var stockItem: StockItemID? {
        if case .stock(let id, _) = self { return id }
        return nil
    }
}

extension AggregateID {
    /// The stream holding the aggregate's events.
    var streamId: String {
        switch self {
        case .catalog(let id): id.streamId
        case .stock(let id): id.streamId
        case .order(let id): id.streamId
        case .payment(let id): id.streamId
        case .shipment(let id): id.streamId
        case .afterSale(let id): id.streamId
        case .member(let id): id.streamId
        case .coupon(let id): id.streamId
        }
    }
}
