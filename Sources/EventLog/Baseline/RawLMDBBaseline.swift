import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The yardstick for the log's write speed: a plain LMDB loop that appends records of a given size
/// keyed by position with `MDB_APPEND`, one commit (and, with durability `full`, one fsync) per
/// batch. No checksum, no index, no idempotency, no chain: what the disk and LMDB alone can do,
/// measured on the same machine in the same run as the log.
public final class RawLMDBAppender {
    private let environment: OpaquePointer
    private let dbi: MDB_dbi
    private var lastPosition: UInt64 = 0

    /// Opens a fresh environment in `directory` (created; it must not hold one yet).
    public init(directory: String, durability: LMDBEventLogOptions.Durability, mapSizeBytes: Int = 1 << 36) throws {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw EventLogError.storage(code: errno, message: "cannot create \(directory)")
        }
        var raw: OpaquePointer?
        try LMDB.check(mdb_env_create(&raw))
        environment = raw!
        do {
            try LMDB.check(mdb_env_set_maxdbs(environment, 1))
            try LMDB.check(mdb_env_set_mapsize(environment, mapSizeBytes))
            var flags = UInt32(MDB_NOTLS)
            if durability == .none { flags |= UInt32(MDB_NOSYNC | MDB_NOMETASYNC) }
            try LMDB.check(mdb_env_open(environment, directory, flags, 0o644))
            var transaction: OpaquePointer?
            try LMDB.check(mdb_txn_begin(environment, nil, 0, &transaction))
            var dbi: MDB_dbi = 0
            try LMDB.check(mdb_dbi_open(transaction, "records", UInt32(MDB_CREATE), &dbi))
            try LMDB.check(mdb_txn_commit(transaction))
            self.dbi = dbi
        } catch {
            mdb_env_close(environment)
            throw error
        }
    }

    deinit {
        mdb_env_close(environment)
    }

    /// Appends `count` copies of `record` at the next positions in one transaction and commits.
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
                            try LMDB.check(mdb_put(transaction, dbi, &key, &value, UInt32(MDB_APPEND)))
                        }
                    }
                }
            }
        } catch {
            mdb_txn_abort(transaction)
            throw error
        }
        try LMDB.check(mdb_txn_commit(transaction))
        lastPosition += UInt64(count)
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
