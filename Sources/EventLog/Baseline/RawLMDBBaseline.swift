import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The yardstick for the log's write speed: a plain LMDB loop that appends records of a given size
/// keyed by position with `MDB_APPEND`, `batchSize` puts per transaction, one commit (and, with
/// durability `full`, one fsync) per transaction. No checksum, no index, no idempotency, no chain:
/// what the disk and LMDB alone can do, measured on the same machine in the same run.
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
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw EventLogError.storage(code: errno, message: "cannot create \(directory)")
        }
        var raw: OpaquePointer?
        try LMDB.check(mdb_env_create(&raw))
        let environment = raw!
        defer { mdb_env_close(environment) }
        try LMDB.check(mdb_env_set_maxdbs(environment, 1))
        try LMDB.check(mdb_env_set_mapsize(environment, max(1 << 30, records * (recordBytes + 64) * 2)))
        var flags = UInt32(MDB_NOTLS)
        if durability == .none { flags |= UInt32(MDB_NOSYNC | MDB_NOMETASYNC) }
        try LMDB.check(mdb_env_open(environment, directory, flags, 0o644))
        let dbi = try openDatabase(environment)
        let payload = [UInt8](repeating: 0xA5, count: recordBytes)
        let start = ContinuousClock.now
        var position: UInt64 = 0
        while position < UInt64(records) {
            let count = min(batchSize, records - Int(position))
            try appendBatch(environment, dbi, firstPosition: position + 1, count: count, payload: payload)
            position += UInt64(count)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measurement(records: records, seconds: seconds)
    }

    private func openDatabase(_ environment: OpaquePointer) throws -> MDB_dbi {
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, 0, &raw))
        var dbi: MDB_dbi = 0
        try LMDB.check(mdb_dbi_open(raw!, "records", UInt32(MDB_CREATE), &dbi))
        try LMDB.check(mdb_txn_commit(raw!))
        return dbi
    }

    private func appendBatch(
        _ environment: OpaquePointer,
        _ dbi: MDB_dbi,
        firstPosition: UInt64,
        count: Int,
        payload: [UInt8]
    ) throws {
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, 0, &raw))
        let transaction = raw!
        do {
            try payload.withUnsafeBytes { bytes in
                for offset in 0..<UInt64(count) {
                    try LMDB.withValue(of: (firstPosition + offset).bigEndian) { key in
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
    }
}
