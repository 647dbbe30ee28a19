import Dispatch
import EventLog
import Logging
import OrderDomain
import Synchronization

/// Keeps the sales aggregates (see `SalesFold`) from a catch-up subscription to the log, beside
/// the sequencer rather than inside its transactions: sales figures may lag the log a little, and
/// the write path pays nothing for them.
///
/// Each batch (up to `batchEventCountMax` events, or fewer once caught up) is folded in memory
/// and written with the checkpoint, the batch's last position, in one transaction. A crash
/// leaves either the whole batch and its checkpoint or neither; the projector resumes after the
/// checkpoint, so no event is counted twice or lost.
final class SalesProjector: Sendable {
    /// Most events folded into one transaction.
    static let batchEventCountMax = 4_096
    /// Once caught up, the projector waits this long before its next commit, so that under a
    /// steady stream of commands it adds at most a few fsyncs a second to the writer's.
    static let commitIntervalMin = Duration.milliseconds(100)

    let table: SalesTable
    let progress: SalesProgress
    private let log: LMDBEventLog
    private let logger: Logger
    private let codec = EventCodec()
    /// True while batches may be written; `stop` turns it off and waits out a batch being written.
    private let writing = Mutex(true)
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// Commits block on the writer lock and the fsync; they run here, off the cooperative pool.
    private let committer = DispatchQueue(label: "sales-projection-commits")

    private init(log: LMDBEventLog, logger: Logger) throws {
        self.log = log
        self.logger = logger
        let table = try SalesTable(log: log)
        self.table = table
        progress = SalesProgress(position: try log.withSnapshot { try table.checkpoint(reader: $0) })
    }

    /// A projector already following the log from its checkpoint.
    static func started(log: LMDBEventLog, logger: Logger) throws -> SalesProjector {
        let projector = try SalesProjector(log: log, logger: logger)
        let follower = Task.detached { await projector.run() }
        projector.task.withLock { $0 = follower }
        return projector
    }

    /// Stops following the log. Returns once no batch is being written, so the log can close; a
    /// batch folded but not written is folded again on the next start.
    func stop() {
        writing.withLock { $0 = false }
        task.withLock { $0 }?.cancel()
        progress.end(EngineError.closed)
    }

    private func run() async {
        do {
            try await follow()
        } catch is CancellationError {
        } catch EventLogError.closed {
        } catch {
            logger.error("sales projection stopped", metadata: ["error": "\(error)", "position": "\(progress.progress.position)"])
            progress.end(error)
            return
        }
        progress.end(EngineError.closed)
    }

    private func follow() async throws {
        var events = log.subscribe(fromPosition: progress.progress.position + 1).makeAsyncIterator()
        var batch: [RecordedEvent] = []
        var lastKnown = try log.lastPosition()
        while let event = try await events.next() {
            batch.append(event)
            if batch.count < Self.batchEventCountMax {
                if event.position < lastKnown { continue }
                lastKnown = try log.lastPosition()
                if event.position < lastKnown { continue }
            }
            let caughtUp = batch.count < Self.batchEventCountMax
            try await writeOffThePool(batch)
            batch.removeAll(keepingCapacity: true)
            if caughtUp { try await Task.sleep(for: Self.commitIntervalMin) }
        }
    }

    private func writeOffThePool(_ batch: [RecordedEvent]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            committer.async {
                continuation.resume(with: Result { try self.write(batch) })
            }
        }
    }

    /// Folds a batch and commits it with its checkpoint in one transaction.
    private func write(_ batch: [RecordedEvent]) throws {
        let first = progress.progress.position + 1
        let through = first + UInt64(batch.count) - 1
        precondition(batch.first?.position == first && batch.last?.position == through, "the subscription skipped or repeated")
        var fold = SalesFold()
        var placements: [OrderID: OrderPlacement] = [:]
        for record in batch {
            let event = try EventReplay.decode(record, codec: codec)
            if case .order(let id, .placed(let placement)) = event { placements[id] = placement }
            try fold.apply(event) { order in try placements[order] ?? storedPlacement(of: order, paidAt: record.position) }
        }
        try writing.withLock { open in
            guard open else { throw CancellationError() }
            _ = try log.commit([]) { [table, fold] _, writer in try table.merge(fold, checkpoint: through, into: &writer) }
        }
        progress.advance(to: through, eventCount: batch.count)
    }

    /// An order's placement: the first event of its stream.
    private func storedPlacement(of order: OrderID, paidAt position: UInt64) throws -> OrderPlacement {
        guard let record = try log.readStream(order.streamId, fromVersion: 1, limit: 1).first,
            case .order(order, .placed(let placement)) = try EventReplay.decode(record, codec: codec)
        else {
            throw EngineError.undecodableEvent(position: position, problem: "order \(order) is paid but its stream does not start with its placement")
        }
        return placement
    }
}
