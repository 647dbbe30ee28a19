import CLMDB
import Logging
import Synchronization
import struct FoundationEssentials.UUID

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The embedded event log: an LMDB environment in a data directory, written one batch at a time
/// through group commit (by an appending caller when the log is idle, otherwise by the writer
/// thread) and read by any number of concurrent readers (MVCC: reads never block writes).
///
/// Thread safety: `head` and the write transaction belong to whoever holds `writer`, and a write
/// transaction begins and commits on one thread; readers touch only the LMDB environment, under
/// the shared side of `resizeLock`.
public final class LMDBEventLog: EventLog, @unchecked Sendable {
    /// The data directory.
    public let path: String
    public let options: LMDBEventLogOptions
    let environment: OpaquePointer
    let tables: LMDBTables
    let resizeLock = ResizeLock()
    let notifier: PositionWaiters
    private let logger: Logger
    private var directoryLock: DirectoryLock?
    /// The tail every commit builds on; holding it is holding the right to write.
    private let writer: Mutex<LogHead>
    private var queue: GroupCommitQueue<AppendRequest, Result<AppendResult, EventLogError>>?
    private let staging = RecordStaging(hashingInParallel: true)
    /// Auxiliary tables opened by name, for projections and checkpoints.
    let auxiliaryTables = Mutex<[String: LMDBTable]>([:])
    /// Set once under the exclusive side of `resizeLock`; read under its shared side.
    var isClosed = false
    private let commitCounter = Atomic<UInt64>(0)
    private let eventCounter = Atomic<UInt64>(0)
    /// The LMDB id of the last write transaction whose commit has returned (and so, with
    /// durability `full`, is on disk), or of the last one before the log was opened. A reader may
    /// see a commit a little earlier: LMDB publishes its meta page before syncing it.
    let durableTransactionId = Atomic<UInt64>(0)
    /// The entries in `recent-commands` as of the last commit (see `RecentCommandRuns`); a
    /// read-only log reads the table itself, since another process writes it.
    let recentCommands: RecentCommands

    /// Opens the log in `path`, creating the directory and the log when absent (unless read-only).
    /// Throws `alreadyOpen` when another writer holds it, `damagedFile` when its data file is
    /// truncated, and `corruptRecord` when its last commit batch is damaged (see `OpenChecks`).
    public init(path: String, options: LMDBEventLogOptions = LMDBEventLogOptions(), logger: Logger) throws {
        self.path = path
        self.options = options
        self.logger = logger
        if !options.readOnly { try Self.createDirectory(path) }
        directoryLock = options.readOnly ? nil : try DirectoryLock(directory: path)
        environment = try Self.openEnvironment(path: path, options: options)
        let head: LogHead
        do {
            try OpenChecks.checkDataFileLength(environment, path: path)
            tables = try Self.openTables(environment, create: !options.readOnly)
            if !options.readOnly, try StreamIndexConversion.isNeeded(environment) {
                logger.notice("converting the stream index to runs", metadata: ["path": "\(path)"])
                try StreamIndexConversion.run(environment, tables: tables, mapSizeBytesMax: options.mapSizeBytesMax)
            }
            head = try Self.readHead(environment, tables: tables, tolerateDamage: options.readOnly)
            recentCommands = RecentCommands(waiting: try Self.readRecentCommands(environment, tables: tables))
            durableTransactionId.store(
                try LMDBReadTransaction.withTransaction(environment) { UInt64(mdb_txn_id($0.transaction)) }, ordering: .releasing)
        } catch {
            mdb_env_close(environment)
            throw error
        }
        writer = Mutex(head)
        notifier = PositionWaiters(position: head.lastPosition)
        if !options.readOnly {
            queue = GroupCommitQueue(
                queuedItemCountMax: EventLogLimits.queuedRequestCountMax,
                batchWeightMax: EventLogLimits.commitEventCountMax,
                weight: { $0.events.count },
                refusal: { refusal in
                    switch refusal {
                    case .closed: .failure(.closed)
                    case .overloaded(let count): .failure(.overloaded(queuedCountMax: count))
                    }
                },
                commit: { [unowned self] requests in
                    do {
                        return try self.commit(requests, alongside: nil)
                    } catch {
                        let failure = EventLogError.from(error)
                        return requests.map { _ in .failure(failure) }
                    }
                }
            )
        }
        logger.info(
            "event log opened",
            metadata: ["path": "\(path)", "last_position": "\(head.lastPosition)", "durability": "\(options.durability)"]
        )
    }

    deinit {
        close()
    }

    /// Commits what is queued, then closes the environment and releases the directory: afterwards
    /// appends and reads throw `EventLogError.closed`, and the directory may be opened again.
    public func close() {
        queue?.close()
        notifier.end(EventLogError.closed)
        resizeLock.withExclusive {
            guard !isClosed else { return }
            isClosed = true
            mdb_env_close(environment)
            directoryLock = nil
        }
    }

    public func append(_ request: AppendRequest) async throws -> AppendResult {
        try await append(contentsOf: [request])[0].get()
    }

    /// When the log is idle the requests are committed at once on the calling thread, which the
    /// commit and its fsync then block; otherwise they wait for the batch in progress and go to
    /// the writer thread with everything else that queued meanwhile.
    public func append(contentsOf requests: [AppendRequest]) async -> [Result<AppendResult, EventLogError>] {
        guard let queue else {
            return requests.map { _ in .failure(.invalidRequest(reason: "the log is open read-only")) }
        }
        return await queue.submit(requests)
    }

    public func waitForEvents(after position: UInt64) async throws {
        try await notifier.wait(untilReaching: position + 1)
    }

    /// Flushes everything committed to disk: with durability `none`, the way to make a bulk load durable.
    public func sync() throws {
        try resizeLock.withShared {
            if isClosed { throw EventLogError.closed }
            try LMDB.check(mdb_env_sync(environment, 1))
        }
    }

    /// The memory map's current size (0 once closed).
    public var mapSizeBytes: Int {
        resizeLock.withShared {
            if isClosed { return 0 }
            var info = MDB_envinfo()
            mdb_env_info(environment, &info)
            return info.me_mapsize
        }
    }

    /// What the writer has done since the log was opened.
    public struct Statistics: Sendable, Hashable {
        /// Write transactions committed (each one fsync with durability `full`).
        public var commitCount: UInt64
        /// Events written by those commits.
        public var eventCount: UInt64
        /// Events per commit: how well group commit gathers concurrent appends.
        public var eventsPerCommitMean: Double { commitCount == 0 ? 0 : Double(eventCount) / Double(commitCount) }
    }

    public var statistics: Statistics {
        Statistics(commitCount: commitCounter.load(ordering: .relaxed), eventCount: eventCounter.load(ordering: .relaxed))
    }

    // MARK: Writing

    /// Writes to auxiliary tables in the same transaction as a batch of appends. It receives the
    /// batch's results; it may run more than once for one batch (after the map grows), so it must
    /// derive everything it writes from its inputs. Throwing fails the whole batch.
    public typealias Alongside = ([Result<AppendResult, EventLogError>], inout LMDBTableWriter) throws -> Void

    /// Appends a batch in one transaction and one commit on the calling thread, and returns once it
    /// is durable: for a caller that is itself a single writer, such as an engine's sequencer,
    /// which must also write its projections in the same transaction (`alongside`). Each request
    /// succeeds or fails on its own; a failure of the whole batch (storage full, a throwing
    /// `alongside`, an I/O error) is thrown, with nothing written. Commits from several threads
    /// are serialized.
    public func commit(
        _ requests: [AppendRequest],
        alongside: Alongside?
    ) throws -> [Result<AppendResult, EventLogError>] {
        if options.readOnly { throw EventLogError.invalidRequest(reason: "the log is open read-only") }
        return try writer.withLock { head in try commit(requests, alongside: alongside, head: &head) }
    }

    /// Runs `body` while no commit runs: LMDB opens named tables one transaction at a time.
    func withWriterLock<Result>(_ body: () throws -> Result) throws -> Result {
        try writer.withLock { _ in try body() }
    }

    private func commit(
        _ requests: [AppendRequest],
        alongside: Alongside?,
        head: inout LogHead
    ) throws -> [Result<AppendResult, EventLogError>] {
        while true {
            do {
                return try commitOnce(requests, alongside: alongside, head: &head)
            } catch EventLogError.storageFull {
                if !growMap() {
                    logger.error("event log full", metadata: ["map_size_bytes": "\(mapSizeBytes)"])
                    throw EventLogError.storageFull(mapSizeBytes: mapSizeBytes)
                }
            } catch {
                logger.error("event log commit failed", metadata: ["error": "\(error)"])
                throw EventLogError.from(error)
            }
        }
    }

    /// One write transaction: applies the batch, commits once (one fsync), publishes the new head.
    /// A batch that writes nothing (every request refused or repeated) is aborted: no write, no fsync.
    private func commitOnce(
        _ requests: [AppendRequest],
        alongside: Alongside?,
        head: inout LogHead
    ) throws -> [Result<AppendResult, EventLogError>] {
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, 0, &raw))
        let transaction = raw!
        var writer: LMDBWriteTransaction
        do {
            writer = try LMDBWriteTransaction(transaction: transaction, tables: tables, recentCommands: recentCommands)
        } catch {
            mdb_txn_abort(transaction)
            throw error
        }
        var appender = BatchAppender(head: head, staging: staging)
        defer { staging.reset() }
        let results: [Result<AppendResult, EventLogError>]
        var tableWriter = LMDBTableWriter(transaction: transaction)
        let commandStep: RecentCommands.Step
        do {
            results = try appender.append(requests, in: &writer)
            try alongside?(results, &tableWriter)
            commandStep = try writer.storeCommandOutcomes(
                lastPosition: appender.head.lastPosition, waitingCountMax: options.recentCommandCountMax)
        } catch {
            writer.close()
            mdb_txn_abort(transaction)
            throw EventLogError.from(error)
        }
        writer.close()
        guard appender.head != head || tableWriter.wroteAnything else {
            mdb_txn_abort(transaction)
            return results
        }
        let transactionId = UInt64(mdb_txn_id(transaction))
        try LMDB.check(mdb_txn_commit(transaction))
        durableTransactionId.store(transactionId, ordering: .releasing)
        recentCommands.committed(writer.addedCommands, step: commandStep)
        commitCounter.add(1, ordering: .relaxed)
        eventCounter.add(appender.head.lastPosition - head.lastPosition, ordering: .relaxed)
        head = appender.head
        notifier.publish(head.lastPosition)
        return results
    }

    /// Doubles the map up to its maximum; false when it is already there.
    private func growMap() -> Bool {
        let current = mapSizeBytes
        guard current < options.mapSizeBytesMax else { return false }
        let grown = min(current * 2, options.mapSizeBytesMax)
        let code = resizeLock.withExclusive { mdb_env_set_mapsize(environment, grown) }
        guard code == 0 else {
            logger.error("event log map growth failed", metadata: ["code": "\(code)"])
            return false
        }
        logger.notice("event log map grown", metadata: ["from_bytes": "\(current)", "to_bytes": "\(grown)"])
        return true
    }

    // MARK: Opening

    private static func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw EventLogError.storage(code: errno, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func openEnvironment(path: String, options: LMDBEventLogOptions) throws -> OpaquePointer {
        var raw: OpaquePointer?
        try LMDB.check(mdb_env_create(&raw))
        let environment = raw!
        var flags = UInt32(MDB_NOTLS)
        if !options.readAhead { flags |= UInt32(MDB_NORDAHEAD) }
        if options.durability == .none { flags |= UInt32(MDB_NOSYNC | MDB_NOMETASYNC) }
        if options.readOnly { flags |= UInt32(MDB_RDONLY) }
        do {
            try LMDB.check(mdb_env_set_maxdbs(environment, LMDBTables.databaseCountMax))
            try LMDB.check(mdb_env_set_maxreaders(environment, 1024))
            try LMDB.check(mdb_env_set_mapsize(environment, options.mapSizeBytesInitial))
            let code = mdb_env_open(environment, path, flags, 0o644)
            if code == ENOENT { throw EventLogError.storage(code: code, message: "no event log at \(path)") }
            try LMDB.check(code)
        } catch {
            mdb_env_close(environment)
            throw error
        }
        return environment
    }

    private static func openTables(_ environment: OpaquePointer, create: Bool) throws -> LMDBTables {
        if !create, try StreamIndexConversion.isNeeded(environment) {
            throw EventLogError.storage(
                code: MDB_INCOMPATIBLE,
                message: "the log's stream index has the layout of an earlier version: open the log once for writing to convert it")
        }
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, create ? 0 : UInt32(MDB_RDONLY), &raw))
        do {
            let tables = try LMDBTables.open(in: raw!, create: create)
            try LMDB.check(mdb_txn_commit(raw!))
            return tables
        } catch {
            mdb_txn_abort(raw!)
            if case EventLogError.storage(let code, _) = error, code == MDB_NOTFOUND {
                throw EventLogError.storage(code: code, message: "the directory holds no event log")
            }
            throw error
        }
    }

    private static func readRecentCommands(_ environment: OpaquePointer, tables: LMDBTables) throws -> [CommandKey: AppendResult] {
        guard let table = tables.recentCommands else { return [:] }
        return try LMDBReadTransaction.withTransaction(environment) { transaction in
            try RecentCommandRuns.all(in: transaction.transaction, table: table)
        }
    }

    /// Reads the tail after checking it (see `OpenChecks`): the last batch must be sealed by the
    /// last chain link and pass its checks. A read-only log opens despite a damaged tail
    /// (`tolerateDamage`), so it can be inspected.
    private static func readHead(_ environment: OpaquePointer, tables: LMDBTables, tolerateDamage: Bool) throws -> LogHead {
        try LMDBReadTransaction.withTransaction(environment) { transaction -> LogHead in
            if let damage = try OpenChecks.lastBatchProblem(transaction, tables: tables), !tolerateDamage {
                throw EventLogError.corruptRecord(position: damage.position, problem: damage.problem)
            }
            let position = try transaction.lastRecord(tables: tables)?.position ?? 0
            let link = try transaction.lastChainLink(tables: tables)
            return LogHead(lastPosition: position, chainHash: link?.hash ?? ChainLink.genesisHash)
        }
    }
}
