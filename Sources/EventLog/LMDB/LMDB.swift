import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, checked access to the LMDB C API.
enum LMDB {
    static func check(_ code: Int32) throws {
        guard code != 0 else { return }
        throw error(code)
    }

    static func error(_ code: Int32) -> EventLogError {
        if code == MDB_MAP_FULL { return .storageFull(mapSizeBytes: 0) }
        let message = String(cString: mdb_strerror(code))
        switch code {
        case ENOSPC, EFBIG, EDQUOT:
            return .storage(code: code, message: "\(message): no room on the disk for the log (disk full or file size limit)")
        case EIO:
            // LMDB reports a short write (what a full disk or a file-size limit gives) as EIO.
            return .storage(code: code, message: "\(message): the log could not be written (a full disk or a file size limit gives this too)")
        default:
            return .storage(code: code, message: message)
        }
    }

    /// Lends `value`'s bytes to LMDB as an `MDB_val` for the length of `body`.
    static func withValue<Value, Result>(of value: Value, _ body: (inout MDB_val) throws -> Result) rethrows -> Result {
        var copy = value
        return try withUnsafeMutableBytes(of: &copy) { bytes in
            var lent = MDB_val(mv_size: bytes.count, mv_data: bytes.baseAddress)
            return try body(&lent)
        }
    }

    /// Lends `bytes` to LMDB as an `MDB_val` for the length of `body`.
    static func withValue<Result>(_ bytes: UnsafeRawBufferPointer, _ body: (inout MDB_val) throws -> Result) rethrows -> Result {
        var lent = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        return try body(&lent)
    }

    static func bytes(_ value: MDB_val) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
    }
}

/// The named databases inside one LMDB environment that make up an event log.
struct LMDBTables {
    /// Position (8 bytes, big-endian) -> record bytes.
    var records: MDB_dbi
    /// (Stream id, last version of a run) -> the run's positions: see `StreamRuns`.
    var streamRuns: MDB_dbi
    /// Command id (16 bytes) -> first position (8 bytes LE) and event count (4 bytes LE).
    var commands: MDB_dbi
    /// Last position of a commit batch (8 bytes, big-endian) -> `ChainLink` value.
    var chain: MDB_dbi
    /// Last position of a commit batch (8 bytes, big-endian) -> its idempotency entries not yet
    /// merged into `commands` (see `RecentCommandRuns`). Nil in a log of an earlier version opened
    /// read-only, which has no such table.
    var recentCommands: MDB_dbi?

    static let databaseCountMax: UInt32 = 16
    static let streamRunsName = "stream-runs"
    /// The stream index of earlier versions (one sorted duplicate per event), converted to runs
    /// when such a log is opened for writing: see `StreamIndexConversion`.
    static let legacyStreamsName = "streams"

    /// Opens (and, in a write transaction, creates) every table.
    static func open(in transaction: OpaquePointer, create: Bool) throws -> LMDBTables {
        let createFlag = create ? UInt32(MDB_CREATE) : 0
        func open(_ name: String, _ flags: UInt32) throws -> MDB_dbi {
            var dbi: MDB_dbi = 0
            try LMDB.check(mdb_dbi_open(transaction, name, flags | createFlag, &dbi))
            return dbi
        }
        var recentCommands: MDB_dbi = 0
        let code = mdb_dbi_open(transaction, RecentCommandRuns.tableName, createFlag, &recentCommands)
        if code != MDB_NOTFOUND || create { try LMDB.check(code) }
        return LMDBTables(
            records: try open("records", 0),
            streamRuns: try open(streamRunsName, 0),
            commands: try open("commands", 0),
            chain: try open("chain", 0),
            recentCommands: code == 0 ? recentCommands : nil
        )
    }
}
