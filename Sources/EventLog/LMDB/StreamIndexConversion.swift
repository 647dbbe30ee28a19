import CLMDB

/// Converts the stream index of a log written by an earlier version (table `streams`, one sorted
/// duplicate per event) to runs (`StreamRuns`), the first time such a log is opened for writing.
///
/// The runs are rebuilt from the records themselves, one run per event (a valid run layout), in
/// transactions of `recordsPerTransaction` records; the old table is dropped by the last one. A
/// conversion cut short (a crash, a full disk) leaves the old table in place and starts over at
/// the next open. The map grows as a commit does, up to `mapSizeBytesMax`.
enum StreamIndexConversion {
    static let recordsPerTransaction = 50_000

    /// True when the log still has the old table.
    static func isNeeded(_ environment: OpaquePointer) throws -> Bool {
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, UInt32(MDB_RDONLY), &raw))
        defer { mdb_txn_abort(raw!) }
        var dbi: MDB_dbi = 0
        let code = mdb_dbi_open(raw!, LMDBTables.legacyStreamsName, 0, &dbi)
        if code == MDB_NOTFOUND { return false }
        try LMDB.check(code)
        return true
    }

    static func run(_ environment: OpaquePointer, tables: LMDBTables, mapSizeBytesMax: Int) throws {
        var after: UInt64 = 0
        var finished = false
        while !finished {
            do {
                (after, finished) = try convert(environment, tables: tables, after: after)
            } catch EventLogError.storageFull {
                var info = MDB_envinfo()
                mdb_env_info(environment, &info)
                guard info.me_mapsize < mapSizeBytesMax else { throw EventLogError.storageFull(mapSizeBytes: info.me_mapsize) }
                try LMDB.check(mdb_env_set_mapsize(environment, min(info.me_mapsize * 2, mapSizeBytesMax)))
            }
        }
    }

    /// Indexes the records after `after` (up to a transaction's worth) and commits; returns the
    /// last position indexed and whether that was the log's end.
    private static func convert(
        _ environment: OpaquePointer,
        tables: LMDBTables,
        after: UInt64
    ) throws -> (UInt64, Bool) {
        var raw: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment, nil, 0, &raw))
        let transaction = raw!
        let outcome: (UInt64, Bool)
        do {
            outcome = try indexRecords(in: transaction, tables: tables, after: after)
        } catch {
            mdb_txn_abort(transaction)
            throw error
        }
        try LMDB.check(mdb_txn_commit(transaction))
        return outcome
    }

    private static func indexRecords(in transaction: OpaquePointer, tables: LMDBTables, after: UInt64) throws -> (UInt64, Bool) {
        if after == 0 { try LMDB.check(mdb_drop(transaction, tables.streamRuns, 0)) }
        var records: OpaquePointer?
        var runs: OpaquePointer?
        try LMDB.check(mdb_cursor_open(transaction, tables.records, &records))
        defer { mdb_cursor_close(records) }
        try LMDB.check(mdb_cursor_open(transaction, tables.streamRuns, &runs))
        defer { mdb_cursor_close(runs) }
        var last = after
        var key = MDB_val()
        var value = MDB_val()
        var code = LMDB.withValue(of: (after + 1).bigEndian) { start in
            key = start
            return mdb_cursor_get(records, &key, &value, MDB_SET_RANGE)
        }
        var indexed = 0
        while code == 0 && indexed < recordsPerTransaction {
            last = try LMDBReadTransaction.position(key)
            let bytes = LMDB.bytes(value)
            if let problem = RecordCodec.problem(in: bytes, position: last) {
                throw EventLogError.corruptRecord(position: last, problem: problem)
            }
            let view = RecordView(bytes: bytes)
            let entry = StreamIndexEntry(version: view.streamVersion, position: last)
            try StreamRuns.put(streamId: view.streamIdBytes, entries: [entry], cursor: runs!)
            indexed += 1
            code = mdb_cursor_get(records, &key, &value, MDB_NEXT)
        }
        if code != 0 && code != MDB_NOTFOUND { try LMDB.check(code) }
        let finished = code == MDB_NOTFOUND
        if finished {
            var legacy: MDB_dbi = 0
            try LMDB.check(mdb_dbi_open(transaction, LMDBTables.legacyStreamsName, 0, &legacy))
            try LMDB.check(mdb_drop(transaction, legacy, 1))
        }
        return (last, finished)
    }
}
