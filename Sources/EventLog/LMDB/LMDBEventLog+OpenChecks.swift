import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What opening a log checks before anyone reads or writes it, and why only that much.
///
/// A full check reads every record (`verify()`), which on a large log takes minutes: too slow for
/// every start. Opening checks what a crash, a torn write or a bad copy would damage first, in time
/// that does not grow with the log:
///
/// - the data file is as long as the pages its newest meta page names (a truncated file would
///   otherwise crash the process with SIGBUS on the first read past its end);
/// - the last commit batch: positions without gaps, every record's structure and checksum, and
///   its hash chain link recomputed from the link before it.
///
/// Damage before the last batch is found by `verify()` and by reads, which check every record's
/// checksum as they go.
enum OpenChecks {
    /// Refuses a data file shorter than the pages its newest meta page says are in use.
    static func checkDataFileLength(_ environment: OpaquePointer, path: String) throws {
        var info = MDB_envinfo()
        var statistics = MDB_stat()
        var descriptor: Int32 = -1
        try LMDB.check(mdb_env_info(environment, &info))
        try LMDB.check(mdb_env_stat(environment, &statistics))
        try LMDB.check(mdb_env_get_fd(environment, &descriptor))
        var file = stat()
        guard fstat(descriptor, &file) == 0 else {
            throw EventLogError.storage(code: errno, message: "cannot read the size of the data file in \(path)")
        }
        let bytesNeeded = (info.me_last_pgno + 1) * Int(statistics.ms_psize)
        guard Int(file.st_size) >= bytesNeeded else {
            throw EventLogError.damagedFile(
                path: path, problem: "the data file is \(file.st_size) bytes but its pages need \(bytesNeeded): it was truncated")
        }
    }

    /// The first problem in the last commit batch, nil when it is sound or the log is empty.
    static func lastBatchProblem(
        _ transaction: LMDBReadTransaction,
        tables: LMDBTables
    ) throws -> (position: UInt64, problem: String)? {
        let last = try transaction.lastRecord(tables: tables)
        let links = try transaction.lastChainLinks(tables: tables, countMax: 2)
        guard let link = links.first else {
            return last.map { (1, "the records up to \($0.position) are not sealed by the hash chain") }
        }
        guard let last, last.position == link.lastPosition else {
            let lastPosition = last?.position ?? 0
            return (
                min(lastPosition, link.lastPosition) + 1,
                "the last record (\(lastPosition)) and the last hash chain link (\(link.lastPosition)) disagree"
            )
        }
        let previous = links.count > 1 ? links[1] : nil
        guard link.firstPosition == (previous?.lastPosition ?? 0) + 1, link.firstPosition <= link.lastPosition else {
            return (link.firstPosition, "the last hash chain link starts at \(link.firstPosition), after \(previous?.lastPosition ?? 0)")
        }
        return try batchProblem(transaction, tables: tables, link: link, previousHash: previous?.hash ?? ChainLink.genesisHash)
    }

    /// Checks one sealed batch record by record, then its chain hash.
    private static func batchProblem(
        _ transaction: LMDBReadTransaction,
        tables: LMDBTables,
        link: ChainLink,
        previousHash: [UInt8]
    ) throws -> (position: UInt64, problem: String)? {
        let cursor = try transaction.cursor(tables.records)
        defer { mdb_cursor_close(cursor) }
        var hasher = ChainHasher(previousHash: previousHash)
        var expected = link.firstPosition
        var key = MDB_val()
        var value = MDB_val()
        var code = LMDB.withValue(of: link.firstPosition.bigEndian) { start in
            key = start
            return mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
        }
        while code == 0, expected <= link.lastPosition {
            let position = try LMDBReadTransaction.position(key)
            guard position == expected else { return (expected, "record missing: the next stored position is \(position)") }
            let bytes = LMDB.bytes(value)
            if let problem = RecordCodec.problem(in: bytes, position: position) { return (position, problem) }
            hasher.add(record: bytes)
            expected += 1
            code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        if code != 0 && code != MDB_NOTFOUND { try LMDB.check(code) }
        guard expected == link.lastPosition + 1 else { return (expected, "record missing from the last batch") }
        guard hasher.finish() == link.hash else {
            return (link.firstPosition, "hash chain broken in the batch \(link.firstPosition)...\(link.lastPosition)")
        }
        return nil
    }
}

extension LMDBReadTransaction {
    /// Up to `countMax` hash chain links, newest first.
    func lastChainLinks(tables: LMDBTables, countMax: Int) throws -> [ChainLink] {
        let cursor = try cursor(tables.chain)
        defer { mdb_cursor_close(cursor) }
        var links: [ChainLink] = []
        var key = MDB_val()
        var value = MDB_val()
        var code = mdb_cursor_get(cursor, &key, &value, MDB_LAST)
        while code == 0, links.count < countMax {
            links.append(try Self.chainLink(key: key, value: value))
            code = mdb_cursor_get(cursor, &key, &value, MDB_PREV)
        }
        if code != 0 && code != MDB_NOTFOUND { try LMDB.check(code) }
        return links
    }
}
