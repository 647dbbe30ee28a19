import CEventLogSupport
import CLMDB
#if canImport(Glibc)
import Glibc
#endif
import struct FoundationEssentials.UUID

extension LMDBEventLog {
    func withReadTransaction<Result>(
        _ body: (LMDBReadTransaction) throws -> Result
    ) throws -> Result {
        try LMDBReadTransaction.withTransaction(environment, lock: resizeLock, isClosed: { isClosed }, body)
    }

    public func lastPosition() throws -> UInt64 {
        try withReadTransaction { (transaction) throws in
            try transaction.lastRecord(tables: tables)?.position ?? 0
        }
    }

    public func streamVersion(_ streamId: String) throws -> UInt64 {
        try withReadTransaction { (transaction) throws in try streamVersion(streamId, in: transaction) }
    }

    /// `streamVersion` on an open snapshot.
    func streamVersion(_ streamId: String, in transaction: LMDBReadTransaction) throws -> UInt64 {
        let cursor = try transaction.cursor(tables.streamRuns)
        defer { mdb_cursor_close(cursor) }
        return try LMDBReads.streamVersion(streamId, cursor: cursor)
    }

    public func read(fromPosition position: UInt64, limit: Int) throws -> [RecordedEvent] {
        let limit = try Self.checkedLimit(limit)
        var events: [RecordedEvent] = []
        do {
            try scan(fromPosition: position, through: UInt64.max, checkingChecksums: true) { position, view in
                events.append(view.recordedEvent(position: position))
                return events.count < limit
            }
        } catch let error as EventLogError {
            throw error
        } catch {
            preconditionFailure("the read closure throws nothing, yet \(error) came out")
        }
        return events
    }

    public func readStream(_ streamId: String, fromVersion version: UInt64, limit: Int) throws -> [RecordedEvent] {
        let limit = try Self.checkedLimit(limit)
        return try withReadTransaction { (transaction) throws -> [RecordedEvent] in
            try readStream(streamId, fromVersion: version, limit: limit, in: transaction)
        }
    }

    /// One stream's events from `version`, at most `limit` (already checked), in `transaction`.
    func readStream(
        _ streamId: String, fromVersion version: UInt64, limit: Int, in transaction: LMDBReadTransaction
    ) throws -> [RecordedEvent] {
        let cursor = try transaction.cursor(tables.streamRuns)
        defer { mdb_cursor_close(cursor) }
        var events: [RecordedEvent] = []
        let version = max(version, 1)
        var name = streamId
        try name.withUTF8 { name in
            let name = UnsafeRawBufferPointer(name)
            var run = try StreamRuns.run(of: name, from: version, cursor: cursor)
            while let current = run {
                for position in current.positions(from: version) {
                    if events.count == limit { return }
                    events.append(try record(at: position, in: transaction))
                }
                run = try StreamRuns.nextRun(of: name, cursor: cursor)
            }
        }
        return events
    }

    public func scan(
        fromPosition position: UInt64,
        through endPosition: UInt64,
        checkingChecksums: Bool,
        _ body: (UInt64, RecordView) throws -> Bool
    ) throws {
        var bodyError: (any Error)?
        try withReadTransaction { (transaction) throws in
            let cursor = try transaction.cursor(tables.records)
            defer { mdb_cursor_close(cursor) }
            var key = MDB_val()
            var value = MDB_val()
            var code = LMDB.withValue(of: max(position, 1).bigEndian) { start in
                key = start
                return mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
            }
            var prefetcher = PagePrefetcher()
            while code == 0 {
                let position = try LMDBReadTransaction.position(key)
                if position > endPosition { return }
                let bytes = LMDB.bytes(value)
                prefetcher.prefetchRecords(after: bytes)
                if checkingChecksums, let problem = RecordCodec.problem(in: bytes, position: position) {
                    throw EventLogError.corruptRecord(position: position, problem: problem)
                }
                do {
                    if try !body(position, RecordView(bytes: bytes)) { return }
                } catch {
                    bodyError = error
                    return
                }
                code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
            }
            if code != MDB_NOTFOUND { try LMDB.check(code) }
        }
        if let bodyError { throw bodyError }
    }

    private func record(at position: UInt64, in transaction: LMDBReadTransaction) throws -> RecordedEvent {
        var value = MDB_val()
        let code = LMDB.withValue(of: position.bigEndian) { key in
            mdb_get(transaction.transaction, tables.records, &key, &value)
        }
        if code == MDB_NOTFOUND {
            throw EventLogError.corruptRecord(position: position, problem: "the stream index points at a missing record")
        }
        try LMDB.check(code)
        return try RecordCodec.decode(LMDB.bytes(value), position: position)
    }

    static func checkedLimit(_ limit: Int) throws -> Int {
        guard limit > 0 && limit <= EventLogLimits.readLimitMax else {
            throw EventLogError.invalidRequest(reason: "read limit \(limit) is outside 1...\(EventLogLimits.readLimitMax)")
        }
        return limit
    }
}

extension LMDBEventLog {
    /// What earlier appends with these command ids wrote (nil for ids never seen), from one
    /// snapshot: how a sequencer recognises a retried command before deciding it again.
    public func commandOutcomes(_ commandIds: [UUID]) throws -> [AppendResult?] {
        try withReadTransaction { transaction in try commandOutcomes(commandIds.map(CommandKey.init), in: transaction) }
    }

    /// `commandOutcomes` on an open snapshot.
    func commandOutcomes(_ keys: [CommandKey], in transaction: LMDBReadTransaction) throws -> [AppendResult?] {
        // A read-only log's copy of `recent-commands` is as old as the log object: another
        // process may have added to the table since, so it reads the table itself.
        var recent: [CommandKey: AppendResult] = [:]
        if options.readOnly, let table = tables.recentCommands {
            recent = try RecentCommandRuns.outcomes(of: Set(keys), in: transaction.transaction, table: table)
        }
        return try zip(keys, recentCommands.outcomes(keys)).map { key, remembered in
            try storedOutcome(key, waiting: recent[key] ?? remembered, in: transaction)
        }
    }

    /// One id's `commandOutcomes` on an open snapshot.
    func commandOutcome(_ key: CommandKey, in transaction: LMDBReadTransaction) throws -> AppendResult? {
        guard !options.readOnly else { return try commandOutcomes([key], in: transaction)[0] }
        return try storedOutcome(key, waiting: recentCommands.outcome(key), in: transaction)
    }

    /// The outcome among the waiting entries, else the one in `commands`, as a duplicate.
    private func storedOutcome(_ key: CommandKey, waiting: AppendResult?, in transaction: LMDBReadTransaction) throws -> AppendResult? {
        let outcome = try waiting ?? LMDBReads.commandOutcome(key.id, transaction: transaction.transaction, tables: tables)
        return outcome.map { AppendResult(firstPosition: $0.firstPosition, eventCount: $0.eventCount, duplicate: true) }
    }
}

/// Starts loading the records after the first one a scan reads in each page. A scan reads a
/// page's records from its end down to its start (LMDB lays each new node below the last), then
/// goes on to a page elsewhere in the file, a pattern the CPU did not predict: record after record
/// waited on memory. Prefetched, the lines of a page arrive together instead.
struct PagePrefetcher {
    /// The size of the pages LMDB lays records in: the system's memory page.
    private static let pageByteCount = UInt(sysconf(Int32(_SC_PAGESIZE)))

    private let pageMask = ~(Self.pageByteCount - 1)
    private var page: UInt = 0

    /// Prefetches the lines below `record` in its page, unless an earlier record was in the page.
    mutating func prefetchRecords(after record: UnsafeRawBufferPointer) {
        guard let start = record.baseAddress else { return }
        let current = UInt(bitPattern: start) & pageMask
        guard current != page else { return }
        page = current
        event_log_prefetch_downward(UnsafeRawPointer(bitPattern: current), Int(UInt(bitPattern: start) - current))
    }
}
