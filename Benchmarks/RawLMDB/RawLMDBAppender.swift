internal import CLMDBRaw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The yardstick for one append, kept open across appends the way the event log is: a plain LMDB
/// environment where each `append(count:)` is one write transaction of `count` records keyed by
/// big-endian position with `MDB_APPEND`, and one commit with its fsync. No checksum, no stream
/// index, no idempotency, no hash chain, no writer thread: what LMDB and the disk alone cost.
///
/// `OrderEngine`'s `RawLMDBBaseline` runs the same loop but opens a new environment on every call,
/// which costs more than a one-record transaction; this type pays that once, in `init`.
public final class RawLMDBAppender {
    /// Most records one transaction may write (the log's own commit limit).
    public static let batchCountMax = 16_384
    /// Largest record (the log's own payload limit).
    public static let recordBytesMax = 1 << 20

    public let recordBytes: Int
    public let mapSizeBytes: Int
    /// The last record's position, 0 before the first append.
    public private(set) var lastPosition: UInt64 = 0
    private let environment: OpaquePointer
    private let database: UInt32
    private let record: [UInt8]

    /// Opens a new environment in `directory`, which must exist and be empty, with a fixed map of
    /// `mapSizeBytes`: an append that would need more fails with `MDB_MAP_FULL`.
    public init(directory: String, recordBytes: Int, mapSizeBytes: Int) throws {
        precondition(recordBytes > 0 && recordBytes <= Self.recordBytesMax)
        precondition(mapSizeBytes >= recordBytes * Self.batchCountMax)
        self.recordBytes = recordBytes
        self.mapSizeBytes = mapSizeBytes
        record = [UInt8](repeating: 0xA5, count: recordBytes)
        var raw: OpaquePointer?
        try LMDBFailure.check(mdb_env_create(&raw))
        let environment = raw!
        do {
            try LMDBFailure.check(mdb_env_set_maxdbs(environment, 1))
            try LMDBFailure.check(mdb_env_set_mapsize(environment, mapSizeBytes))
            try LMDBFailure.check(mdb_env_open(environment, directory, UInt32(MDB_NOTLS), 0o644))
            database = try Self.createDatabase(environment)
        } catch {
            mdb_env_close(environment)
            throw error
        }
        self.environment = environment
    }

    deinit {
        mdb_env_close(environment)
    }

    /// Writes `count` records after the last one in one transaction and returns once it is durable.
    public func append(count: Int) throws {
        precondition(count > 0 && count <= Self.batchCountMax)
        var raw: OpaquePointer?
        try LMDBFailure.check(mdb_txn_begin(environment, nil, 0, &raw))
        let transaction = raw!
        do {
            try putRecords(transaction, firstPosition: lastPosition + 1, count: count)
        } catch {
            mdb_txn_abort(transaction)
            throw error
        }
        try LMDBFailure.check(mdb_txn_commit(transaction))
        lastPosition += UInt64(count)
    }

    private func putRecords(_ transaction: OpaquePointer, firstPosition: UInt64, count: Int) throws {
        try record.withUnsafeBytes { bytes in
            var value = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            for position in firstPosition..<(firstPosition + UInt64(count)) {
                var keyBytes = position.bigEndian
                try withUnsafeMutableBytes(of: &keyBytes) { key in
                    var keyValue = MDB_val(mv_size: key.count, mv_data: key.baseAddress)
                    try LMDBFailure.check(mdb_put(transaction, database, &keyValue, &value, UInt32(MDB_APPEND)))
                }
            }
        }
    }

    private static func createDatabase(_ environment: OpaquePointer) throws -> UInt32 {
        var raw: OpaquePointer?
        try LMDBFailure.check(mdb_txn_begin(environment, nil, 0, &raw))
        var database: MDB_dbi = 0
        let code = mdb_dbi_open(raw!, "records", UInt32(MDB_CREATE), &database)
        guard code == 0 else {
            mdb_txn_abort(raw!)
            throw LMDBFailure(code: code)
        }
        try LMDBFailure.check(mdb_txn_commit(raw!))
        return database
    }
}

/// An LMDB call that returned an error code.
public struct LMDBFailure: Error, CustomStringConvertible {
    public let code: Int32

    public var description: String { "LMDB error \(code): \(String(cString: mdb_strerror(code)))" }

    static func check(_ code: Int32) throws {
        guard code != 0 else { return }
        throw LMDBFailure(code: code)
    }
}
