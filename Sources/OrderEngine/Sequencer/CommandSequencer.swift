import EventLog
import Dispatch
import Foundation
import Logging
import OrderDomain
import Synchronization

/// The single writer: decides each queued command against in-memory state, applying its events at
/// once so the next command in the batch sees them (the buyer after the last unit is refused in
/// the same batch), then has the whole batch (events, idempotency entries, inline projections)
/// written in one transaction with one fsync, and only then answers anyone.
///
/// Deciding and committing overlap: while the committer (`BatchCommitter`, its own thread) writes
/// and syncs batch N, the sequencer decides batch N+1 against memory, which already holds N. Before
/// N+1 is handed over, N must be durable; if N failed instead, N+1 (decided on top of it) fails
/// too and memory is read back from the log. Every answer, refusals included, leaves with its
/// batch's commit, so no answer rests on anything that is not durable.
///
/// Runs on the command queue's thread only; `cache` belongs to it.
final class CommandSequencer: @unchecked Sendable {
    typealias Outcome = Result<CommandOutcome, EngineError>
    typealias Reply = @Sendable ([Outcome]) -> Void

    let cache: StateCache
    /// Remembered refusals and the ids on their way; shared with the queue and `FastRefusals`.
    private let registry: CommandIdRegistry
    /// The SKUs sold out in the durable log; kept here, read by `FastRefusals`.
    private let gate: SoldOutGate
    private let log: LMDBEventLog
    private let projections: InlineProjections
    let memberOrders: MemberOrderMerger
    private let policy: DomainPolicy
    private let clock: any EngineClock
    private let logger: Logger
    private let codec = EventCodec()
    private let snapshot: StateSnapshot
    private let snapshotEventInterval: UInt64?
    private var eventsSinceSnapshot: UInt64
    private let committer = BatchCommitter()
    /// The batch handed to the committer and not yet settled.
    private var inFlight: Batch?
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
    init(
        cache: StateCache, eventsSinceSnapshot: UInt64, log: LMDBEventLog, registry: CommandIdRegistry, gate: SoldOutGate,
        options: EngineOptions, logger: Logger
    ) throws {
        self.cache = cache
        cachedAggregates.store(cache.count, ordering: .relaxed)
        self.registry = registry
        self.gate = gate
        self.log = log
        let projections = try InlineProjections(log: log)
        self.projections = projections
        self.memberOrders = try MemberOrderMerger(
            log: log, orders: projections.members.orders, runs: try log.table(named: MemberOrderRun.tableName),
            rowCountMax: options.memberOrderWaitingRowCountMax, runCountMax: options.memberOrderWaitingRunCountMax)
        self.snapshot = try StateSnapshot(log: log)
        self.snapshotEventInterval = options.snapshotEventInterval
        self.eventsSinceSnapshot = eventsSinceSnapshot
        self.policy = options.policy
        self.clock = options.clock
        self.logger = logger
    }

    /// Most unpaid orders one batch expires.
    static let expiryBatchCountMax = 4_096

    /// Decides one batch and hands it to the committer, which calls `reply` with one outcome per
    /// command, in order, once the batch is durable. Unpaid orders past their deadline are expired
    /// first, in the same transaction, by the system.
    func process(_ commands: [EngineCommand], reply: @escaping Reply) {
        let started = ContinuousClock.now
        if let interval = snapshotEventInterval, eventsSinceSnapshot >= interval {
            // A snapshot needs memory to equal the log: nothing decided and not yet committed.
            settleInFlight()
            if eventsSinceSnapshot >= interval { writeSnapshotInBackground() }
        }
        let now = clock.nowMicroseconds()
        let due = cache.popDueOrders(now: now, countMax: Self.expiryBatchCountMax)
        if due.isEmpty && commands.isEmpty {
            // Nothing to decide; answer once what came before is durable (an expiry sweep that
            // finds nothing due still returns after the sweep before it).
            settleInFlight()
            return reply([])
        }
        let expirations = due.map { order in
            EngineCommand(actor: "system:expiry", command: .expireOrder(order, at: Timestamp(microsecondsSince1970: now)))
        }
        batchCounter.add(1, ordering: .relaxed)
        commandCounter.add(UInt64(commands.count), ordering: .relaxed)
        let all = expirations.isEmpty ? commands : expirations + commands
        var batch = Batch(commands: all, due: due, timestampMicroseconds: now, started: started, reply: reply)
        decide(&batch)
        if let failure = settleInFlight() { return abandon(batch, failure: .log(failure)) }
        if let failure = finish(&batch) { return abandon(batch, failure: failure) }
        cache.evictBeyondLimit(keeping: batch.accepted.lazy.flatMap(\.events).map(\.aggregate))
        cachedAggregates.store(cache.count, ordering: .relaxed)
        aggregateLoads.store(cache.loadCount, ordering: .relaxed)
        inFlight = batch
        committer.start { [self, batch] in write(batch) }
    }

    /// Waits for the batch in flight, if any, and takes its result into memory: the SKUs it left
    /// sold out open in the gate; if it failed, what it touched is read back from the log. Returns
    /// its failure.
    @discardableResult
    func settleInFlight() -> EventLogError? {
        guard let batch = inFlight else { return nil }
        inFlight = nil
        if let failure = committer.wait() {
            logger.error("batch failed; refolding what it touched", metadata: ["error": "\(failure)"])
            refold(batch.accepted.flatMap(\.events))
            retryExpiries(batch, failed: Set(batch.due.indices))
            return failure
        }
        // Sold out when the batch ended, now durable, and nothing raising them decided since.
        for sku in batch.soldOut { gate.open(sku, catalog: cache.catalog(sku), warehouses: cache.warehouses(stocking: sku)) }
        eventsSinceSnapshot += UInt64(batch.eventCount)
        retryExpiries(batch, failed: Set(batch.due.indices.filter { batch.outcomes[$0]?.failure != nil }))
        return nil
    }

    /// Settles the batch in flight and stops the committer: the queue has stopped.
    func drain() {
        settleInFlight()
        committer.close()
    }

    // MARK: Deciding

    /// Decides every command not answered already: repeats of stored commands get their first
    /// outcome, repeats within the batch or of the batch in flight wait for it, remembered refusals
    /// are answered again.
    private func decide(_ batch: inout Batch) {
        let commands = batch.commands
        let stored: [AppendResult?]
        do {
            stored = try log.commandOutcomes(commands.map(\.id))
        } catch {
            batch.unreadable = .log(EventLogError.from(error))
            return
        }
        var storedIndices: [Int] = []
        // Read once: reaching into the optional batch for every command copied the batch.
        let inFlightIds = inFlight?.firstIndex ?? [:]
        // Looked up outside the batch's snapshot: a caller holding a registry stripe may be
        // waiting for a read transaction of its own (see `withBatchReads`).
        let remembered = commands.map { registry.refusal(for: $0.id) }
        cache.withBatchReads { _ in
            for (index, command) in commands.enumerated() {
                let key = CommandKey(command.id)
                if stored[index] != nil {
                    storedIndices.append(index)
                } else if let first = batch.firstIndex.updateValue(index, forKey: key) {
                    batch.firstIndex[key] = first
                    batch.repeats.append((index, first))
                } else if inFlightIds[key] != nil {
                    batch.afterInFlight.append(index)
                } else if let refusal = remembered[index] {
                    batch.outcomes[index] = .failure(.refused(refusal))
                } else {
                    decide(command, index: index, into: &batch)
                }
            }
        }
        // Read outside the batch's snapshot: a second read transaction inside it could wait
        // forever behind a map growth the committer queued meanwhile.
        for index in storedIndices { batch.outcomes[index] = outcome(of: commands[index].id, storedAt: stored[index]!) }
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
            if refusal.code == .insufficientStock, case .placeOrder(let placement) = command.command {
                for line in placement.lines where SoldOutGate.isSoldOut(line.sku, in: cache) { batch.soldOut.insert(line.sku) }
            }
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
        for sku in events.lazy.compactMap(SoldOutGate.skuReopened(by:)) {
            // Closed before anything that could raise the stock is written.
            gate.close(sku)
            batch.soldOut.remove(sku)
            inFlight?.soldOut.remove(sku)
        }
        cache.apply(events)
        batch.accepted.append((index, command.id, events, ViewSubject(command.command, states: cache)))
        batch.requests.append(request)
        batch.eventCount += events.count
    }

    /// Once the batch before is durable: answers the repeats of its commands, then builds the
    /// projection rows and the views of this batch (their stored parts read from the log, which
    /// now holds everything before this batch). Returns why the batch must fail, if it must.
    private func finish(_ batch: inout Batch) -> EngineError? {
        if let unreadable = batch.unreadable { return unreadable }
        if !batch.afterInFlight.isEmpty {
            let indices = batch.afterInFlight
            let stored: [AppendResult?]
            do {
                stored = try log.commandOutcomes(indices.map { batch.commands[$0].id })
            } catch {
                return .log(EventLogError.from(error))
            }
            for (index, earlier) in zip(indices, stored) {
                let command = batch.commands[index]
                if let earlier {
                    batch.outcomes[index] = outcome(of: command.id, storedAt: earlier)
                } else if let refusal = registry.refusal(for: command.id) {
                    batch.outcomes[index] = .failure(.refused(refusal))
                } else {
                    cache.withBatchReads { _ in decide(command, index: index, into: &batch) }
                }
            }
        }
        let events = batch.accepted.flatMap(\.events)
        let built: Result<Void, EngineError> = cache.withBatchReads { snapshot in
            guard let snapshot else { return .failure(.log(.storage(code: 0, message: "no read snapshot of the log"))) }
            do {
                let reader = try snapshot.tableReader()
                let (writes, orderViews) = try projections.writes(events: events, states: cache, reader: reader)
                batch.projectionWrites = writes
                let storedOrder = { [projections] (id: OrderID) in try? projections.orders.storedView(id, reader: reader) }
                batch.acceptedViews = batch.accepted.map { $0.subject?.view(states: cache, orderViews: orderViews, storedOrder: storedOrder) }
                batch.unchangedViews = batch.unchanged.map { $0.subject?.view(states: cache, orderViews: orderViews, storedOrder: storedOrder) }
                return .success(())
            } catch {
                return .failure(.log(EventLogError.from(error)))
            }
        }
        if case .failure(let failure) = built { return failure }
        return cache.takeLoadFailure()
    }

    /// Fails every command the batch decided (its changes read back from the log) and answers.
    private func abandon(_ batch: Batch, failure: EngineError) {
        refold(batch.accepted.flatMap(\.events))
        var outcomes = batch.outcomes
        // Undecided ones (all, when the batch was unreadable) are nil and fail below too.
        for index in batch.decidedIndices + batch.afterInFlight { outcomes[index] = .failure(failure) }
        for (index, first) in batch.repeats { outcomes[index] = outcomes[first] }
        let answered = outcomes.map { $0 ?? .failure(failure) }
        retryExpiries(batch, failed: Set(batch.due.indices.filter { answered[$0].failure != nil }))
        batch.reply(Array(answered.dropFirst(batch.due.count)))
    }

    /// Puts back on the expiry queue each expiry among `failed`, so a later batch tries again.
    private func retryExpiries(_ batch: Batch, failed: Set<Int>) {
        for (index, order) in batch.due.enumerated() where failed.contains(index) {
            logger.warning("expiry of an unpaid order failed", metadata: ["order": "\(order)"])
            cache.retryExpiry(of: order)
        }
    }

    // MARK: Committing (on the committer's thread)

    /// Commits the batch's appends with its projection rows and answers its callers; returns the
    /// failure of the whole batch, if any. Touches no state of the sequencer's.
    private func write(_ batch: Batch) -> EventLogError? {
        var outcomes = batch.outcomes
        var failure: EventLogError?
        do {
            var memberOrderStep = MemberOrderMerger.Step()
            let results = try log.commit(batch.requests) { [projections, memberOrders, writes = batch.projectionWrites] results, writer in
                try projections.put(writes, into: &writer)
                let lastPosition = Self.lastPosition(written: results)
                precondition(writes.memberOrderRun == nil || lastPosition != nil, "order rows without events")
                memberOrderStep = try memberOrders.write(run: writes.memberOrderRun, lastPosition: lastPosition ?? 0, into: &writer)
            }
            memberOrders.committed(memberOrderStep)
            if let failure = results.lazy.compactMap(\.failure).first {
                preconditionFailure("a request failed on its own after the sequencer checked it: \(failure)")
            }
            for (((index, id, events, _), view), result) in zip(zip(batch.accepted, batch.acceptedViews), results) {
                let appended = try! result.get()
                outcomes[index] = .success(CommandOutcome(commandId: id, positions: appended.positions, events: events, duplicate: false, view: view))
            }
            for ((index, id, _), view) in zip(batch.unchanged, batch.unchangedViews) {
                outcomes[index] = .success(CommandOutcome(commandId: id, positions: 0..<0, events: [], duplicate: false, view: view))
            }
            for (_, id, refusal) in batch.refused { registry.remember(refusal, for: id) }
            if !batch.requests.isEmpty { writtenBatchCounter.add(1, ordering: .relaxed) }
        } catch {
            let whole = EventLogError.from(error)
            for index in batch.decidedIndices { outcomes[index] = .failure(.log(whole)) }
            failure = whole
        }
        for (index, first) in batch.repeats { outcomes[index] = outcomes[first] }
        histograms.record(batchSize: batch.commands.count, duration: ContinuousClock.now - batch.started)
        batch.reply(outcomes.dropFirst(batch.due.count).map { $0! })
        return failure
    }

    /// The position of the last event the appends wrote; nil when they wrote none.
    private static func lastPosition(written results: [Result<AppendResult, EventLogError>]) -> UInt64? {
        var last: UInt64?
        for case .success(let result) in results where result.eventCount > 0 && !result.duplicate {
            last = max(last ?? 0, result.firstPosition + UInt64(result.eventCount) - 1)
        }
        return last
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
        settleInFlight()
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

/// One batch's bookkeeping, from deciding to answering.
private struct Batch: @unchecked Sendable {
    /// The expirations (first) and the queued commands.
    let commands: [EngineCommand]
    /// The orders the expirations expire, in the order of the first commands.
    let due: [OrderID]
    let timestampMicroseconds: Int64
    let started: ContinuousClock.Instant
    let reply: CommandSequencer.Reply
    var outcomes: [Result<CommandOutcome, EngineError>?]
    var firstIndex: [CommandKey: Int] = [:]
    var repeats: [(index: Int, first: Int)] = []
    /// Repeats of commands of the batch in flight, answered once it is settled.
    var afterInFlight: [Int] = []
    var accepted: [(index: Int, id: UUID, events: [DomainEvent], subject: ViewSubject?)] = []
    /// Accepted without events: nothing to write, a view to show.
    var unchanged: [(index: Int, id: UUID, subject: ViewSubject?)] = []
    var refused: [(index: Int, id: UUID, refusal: Refusal)] = []
    /// SKUs found sold out by a refusal, with nothing decided since that could raise them: sold
    /// out when the batch ends, and in the durable log once it is.
    var soldOut: Set<SKUID> = []
    var requests: [AppendRequest] = []
    var eventCount = 0
    /// Built once the batch before is durable (`finish`).
    var projectionWrites = InlineProjections.Writes()
    var acceptedViews: [ResultingView?] = []
    var unchangedViews: [ResultingView?] = []
    /// The idempotency table could not be read: nothing was decided.
    var unreadable: EngineError?

    /// The commands this batch decided, whose outcomes fail with its commit.
    var decidedIndices: [Int] { accepted.map(\.index) + refused.map(\.index) + unchanged.map(\.index) }

    init(commands: [EngineCommand], due: [OrderID], timestampMicroseconds: Int64, started: ContinuousClock.Instant, reply: @escaping CommandSequencer.Reply) {
        self.commands = commands
        self.due = due
        self.timestampMicroseconds = timestampMicroseconds
        self.started = started
        self.reply = reply
        outcomes = Array(repeating: nil, count: commands.count)
        firstIndex.reserveCapacity(commands.count)
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
