import CLMDB
import struct FoundationEssentials.UUID

/// Stream reads through one read transaction: for a caller that reads many short streams in a
/// row (an engine's writer reading aggregates back during a batch), it saves opening a
/// transaction and a cursor's worth of set-up per stream. Valid only inside
/// `LMDBEventLog.withStreamReader`.
public struct LMDBStreamReader {
    let log: LMDBEventLog
    let transaction: LMDBReadTransaction

    /// Like `LMDBEventLog.readStream`, as of the snapshot the reader was opened on.
    public func readStream(_ streamId: String, fromVersion version: UInt64, limit: Int) throws -> [RecordedEvent] {
        try log.readStream(streamId, fromVersion: version, limit: LMDBEventLog.checkedLimit(limit), in: transaction)
    }

    /// The stream's last version (0 for a stream without events), on this snapshot.
    public func streamVersion(_ streamId: String) throws -> UInt64 {
        try log.streamVersion(streamId, in: transaction)
    }

    /// What an earlier append with this command id wrote, as `LMDBEventLog.commandOutcomes` finds
    /// it, on this snapshot; nil for an id not seen.
    public func commandOutcome(_ commandId: UUID) throws -> AppendResult? {
        try log.commandOutcome(CommandKey(commandId), in: transaction)
    }

    /// Whether every commit the snapshot holds had returned when it was asked: with durability
    /// `full`, whether the snapshot is on disk. A snapshot opened just after a commit published
    /// its meta page, and before that page was synced, is not.
    public var isDurable: Bool {
        UInt64(mdb_txn_id(transaction.transaction)) <= log.durableTransactionId.load(ordering: .acquiring)
    }

    /// A reader of the auxiliary tables on the same snapshot: no second read transaction (which
    /// could wait forever behind a map growth queued after this one).
    public func tableReader() throws -> LMDBTableReader {
        LMDBTableReader(transaction: transaction.transaction, lastPosition: try transaction.lastRecord(tables: log.tables)?.position ?? 0)
    }
}

extension LMDBEventLog {
    /// Runs `body` with a reader on one snapshot of the log: the commits of other callers during
    /// `body` are not seen by it.
    public func withStreamReader<Result>(_ body: (LMDBStreamReader) throws -> Result) throws -> Result {
        try withReadTransaction { transaction in try body(LMDBStreamReader(log: self, transaction: transaction)) }
    }
}
