import CLMDB

/// A read-only snapshot of the log (LMDB MVCC): never blocks and is never blocked by the writer.
struct LMDBReadTransaction {
    let transaction: OpaquePointer

    /// Runs `body` in a read transaction. Holding `lock` shared keeps the map from being resized
    /// underneath; a map grown by another process is adopted before beginning.
    static func withTransaction<Result>(
        _ environment: OpaquePointer,
        lock: ResizeLock? = nil,
        isClosed: () -> Bool = { false },
        _ body: (LMDBReadTransaction) throws -> Result
    ) throws -> Result {
        while true {
            let outcome: Result? = try withShared(lock) { () throws -> Result? in
                if isClosed() { throw EventLogError.closed }
                var raw: OpaquePointer?
                let code = mdb_txn_begin(environment, nil, UInt32(MDB_RDONLY), &raw)
                if code == MDB_MAP_RESIZED { return nil }
                try LMDB.check(code)
                defer { mdb_txn_abort(raw!) }
                return try body(LMDBReadTransaction(transaction: raw!))
            }
            if let outcome { return outcome }
            let code = withExclusive(lock) { mdb_env_set_mapsize(environment, 0) }
            try LMDB.check(code)
        }
    }

    private static func withShared<Result>(
        _ lock: ResizeLock?,
        _ body: () throws -> Result
    ) throws -> Result {
        guard let lock else { return try body() }
        return try lock.withShared(body)
    }

    private static func withExclusive<Result>(_ lock: ResizeLock?, _ body: () -> Result) -> Result {
        guard let lock else { return body() }
        return lock.withExclusive(body)
    }

    func cursor(_ dbi: MDB_dbi) throws -> OpaquePointer {
        var cursor: OpaquePointer?
        try LMDB.check(mdb_cursor_open(transaction, dbi, &cursor))
        return cursor!
    }

    func lastRecord(tables: LMDBTables) throws -> (position: UInt64, bytes: UnsafeRawBufferPointer)? {
        let cursor = try cursor(tables.records)
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        let code = mdb_cursor_get(cursor, &key, &value, MDB_LAST)
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code)
        return (try Self.position(key), LMDB.bytes(value))
    }

    func lastChainLink(tables: LMDBTables) throws -> ChainLink? {
        let cursor = try cursor(tables.chain)
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        let code = mdb_cursor_get(cursor, &key, &value, MDB_LAST)
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code)
        return try Self.chainLink(key: key, value: value)
    }

    static func position(_ key: MDB_val) throws -> UInt64 {
        guard key.mv_size == 8 else {
            throw EventLogError.corruptRecord(position: 0, problem: "a record key of \(key.mv_size) bytes")
        }
        return UInt64(bigEndian: LMDB.bytes(key).loadUnaligned(as: UInt64.self))
    }

    static func chainLink(key: MDB_val, value: MDB_val) throws -> ChainLink {
        let lastPosition = try position(key)
        guard let link = ChainLink.decode(lastPosition: lastPosition, value: LMDB.bytes(value)) else {
            throw EventLogError.corruptRecord(position: lastPosition, problem: "a hash chain link of \(value.mv_size) bytes")
        }
        return link
    }
}
