import CLMDB
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The yardstick for the log's write speed: a plain LMDB loop, one commit (and, with durability
/// `full`, one fsync) per batch, with none of the log's work between the puts: no validation, no
/// encoding, no checksum, no hash chain, no group commit.
///
/// - `records`: only the records, keyed by position with `MDB_APPEND`: what the disk and LMDB
///   alone can do.
/// - `logTables`: the same puts as the log's append of a batch that is one request spread
///   round-robin over `streamCount` streams: the records, one stream-index run per stream (key
///   and value as large as the log's, see `StreamRuns`), the batch's idempotency entry (a random
///   16-byte command id, 28 bytes in all) appended as the batch's value of `recent-commands`, one
///   chain link. (The log moves those entries into `commands` once 65,536 wait, far more than
///   a benchmark's batches hold.)
public final class RawLMDBAppender {
    /// What each batch writes.
    public enum Writes: Sendable, Hashable {
        case records
        case logTables(streamCount: Int)
    }

    private let environment: OpaquePointer
    private let writes: Writes
    private let records: MDB_dbi
    private var runs: MDB_dbi = 0
    private var recentCommands: MDB_dbi = 0
    private var chain: MDB_dbi = 0
    private var lastPosition: UInt64 = 0
    private var streamNames: [[UInt8]] = []
    private var streamVersions: [UInt64] = []
    private var commandKeySeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Opens a fresh environment in `directory` (created; it must not hold one yet).
    public init(
        directory: String,
        durability: LMDBEventLogOptions.Durability,
        writes: Writes = .records,
        mapSizeBytes: Int = 1 << 36
    ) throws {
        if case .logTables(let streamCount) = writes { precondition(streamCount > 0) }
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw EventLogError.storage(code: errno, message: "cannot create \(directory)")
        }
        var raw: OpaquePointer?
        try LMDB.check(mdb_env_create(&raw))
        environment = raw!
        self.writes = writes
        do {
            try LMDB.check(mdb_env_set_maxdbs(environment, 4))
            try LMDB.check(mdb_env_set_mapsize(environment, mapSizeBytes))
            var flags = UInt32(MDB_NOTLS)
            if durability == .none { flags |= UInt32(MDB_NOSYNC | MDB_NOMETASYNC) }
            try LMDB.check(mdb_env_open(environment, directory, flags, 0o644))
            var transaction: OpaquePointer?
            try LMDB.check(mdb_txn_begin(environment, nil, 0, &transaction))
            func open(_ name: String) throws -> MDB_dbi {
                var dbi: MDB_dbi = 0
                try LMDB.check(mdb_dbi_open(transaction, name, UInt32(MDB_CREATE), &dbi))
                return dbi
            }
            records = try open("records")
            if case .logTables(let streamCount) = writes {
                runs = try open("stream-runs")
                recentCommands = try open(RecentCommandRuns.tableName)
                chain = try open("chain")
                streamNames = (0..<streamCount).map { Array("bench-\($0)".utf8) }
                streamVersions = Array(repeating: 0, count: streamCount)
            }
            try LMDB.check(mdb_txn_commit(transaction))
        } catch {
            mdb_env_close(environment)
            throw error
        }
    }

    deinit {
        mdb_env_close(environment)
    }

    /// Appends `count` copies of `record` at the next positions in one transaction, with the
    /// other tables' puts when `writes` says so, and commits.
    public func appendBatch(count: Int, record: [UInt8]) throws {
        precondition(count > 0 && !record.isEmpty)
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, 0, &raw))
        let transaction = raw!
        do {
            try record.withUnsafeBytes { bytes in
                for offset in 1...UInt64(count) {
                    try LMDB.withValue(of: (lastPosition + offset).bigEndian) { key in
                        try LMDB.withValue(bytes) { value in
                            try LMDB.check(mdb_put(transaction, records, &key, &value, UInt32(MDB_APPEND)))
                        }
                    }
                }
            }
            if case .logTables = writes { try putLogTables(count: count, in: transaction) }
        } catch {
            mdb_txn_abort(transaction)
            throw error
        }
        try LMDB.check(mdb_txn_commit(transaction))
        lastPosition += UInt64(count)
    }

    private func putLogTables(count: Int, in transaction: OpaquePointer) throws {
        let streamCount = streamNames.count
        for stream in 0..<min(streamCount, count) {
            let events = count / streamCount + (stream < count % streamCount ? 1 : 0)
            streamVersions[stream] += UInt64(events)
            var key = streamNames[stream] + [0]
            withUnsafeBytes(of: streamVersions[stream].bigEndian) { key.append(contentsOf: $0) }
            var value = [UInt8](repeating: 0, count: 12 + 4 * (events - 1))
            withUnsafeBytes(of: UInt32(events).littleEndian) { value.replaceSubrange(0..<4, with: $0) }
            try key.withUnsafeBytes { key in
                try value.withUnsafeBytes { value in
                    try LMDB.withValue(key) { key in
                        try LMDB.withValue(value) { value in
                            try LMDB.check(mdb_put(transaction, runs, &key, &value, UInt32(MDB_NOOVERWRITE)))
                        }
                    }
                }
            }
        }
        let commandId = UUID(uuid: unsafeBitCast((nextCommandKeyHalf(), nextCommandKeyHalf()), to: uuid_t.self))
        let entry = RecentCommandRuns.value(of: [
            CommandKey(commandId): AppendResult(firstPosition: lastPosition + 1, eventCount: UInt32(count), duplicate: false)
        ])
        try LMDB.withValue(of: (lastPosition + UInt64(count)).bigEndian) { key in
            try entry.withUnsafeBytes { entry in
                try LMDB.withValue(entry) { value in
                    try LMDB.check(mdb_put(transaction, recentCommands, &key, &value, UInt32(MDB_APPEND)))
                }
            }
        }
        let link = [UInt8](repeating: 0xC4, count: ChainLink.encodedBytes)
        try LMDB.withValue(of: (lastPosition + UInt64(count)).bigEndian) { key in
            try link.withUnsafeBytes { link in
                try LMDB.withValue(link) { value in
                    try LMDB.check(mdb_put(transaction, chain, &key, &value, UInt32(MDB_APPEND)))
                }
            }
        }
    }

    /// Eight bytes of a splitmix64 sequence: command ids spread over the key space as UUIDs do.
    private func nextCommandKeyHalf() -> UInt64 {
        commandKeySeed &+= 0x9E37_79B9_7F4A_7C15
        var mixed = commandKeySeed
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// One timed run of `RawLMDBAppender`.
public struct RawLMDBBaseline: Sendable {
    /// The measured outcome of one run.
    public struct Measurement: Sendable, Hashable {
        public var records: Int
        public var seconds: Double
        public var recordsPerSecond: Double { Double(records) / seconds }
    }

    public let directory: String
    public let durability: LMDBEventLogOptions.Durability

    /// `directory` must not exist yet or be empty; the run writes its environment there.
    public init(directory: String, durability: LMDBEventLogOptions.Durability) {
        self.directory = directory
        self.durability = durability
    }

    /// Appends `records` records of `recordBytes` bytes, `batchSize` per transaction, and times it.
    public func run(records: Int, batchSize: Int, recordBytes: Int) throws -> Measurement {
        precondition(records > 0 && batchSize > 0 && recordBytes > 0)
        let appender = try RawLMDBAppender(
            directory: directory, durability: durability, mapSizeBytes: max(1 << 30, records * (recordBytes + 64) * 2))
        let record = [UInt8](repeating: 0xA5, count: recordBytes)
        let start = ContinuousClock.now
        var written = 0
        while written < records {
            let count = min(batchSize, records - written)
            try appender.appendBatch(count: count, record: record)
            written += count
        }
        return Measurement(records: records, seconds: (ContinuousClock.now - start).secondsDouble)
    }
}
