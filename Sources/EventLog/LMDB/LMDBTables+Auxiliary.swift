import CLMDB

/// A named key-value table in the log's environment, beside the records: where projections and
/// checkpoints live, so they can be written in the same transaction as the events they follow.
public struct LMDBTable: Sendable, Hashable {
    public let name: String
    let dbi: MDB_dbi
}

extension LMDBEventLog {
    /// Names the log keeps for itself.
    static let reservedTableNames: Set<String> = [
        "records", LMDBTables.streamRunsName, LMDBTables.legacyStreamsName, "commands", "chain",
        RecentCommandRuns.tableName,
    ]
    /// Most auxiliary tables one log may have.
    public static let auxiliaryTableCountMax = Int(LMDBTables.databaseCountMax) - 5

    /// Opens the table, creating it when the log is writable; the same name gives the same table.
    /// Open tables before committing: never from inside an `alongside` closure.
    public func table(named name: String) throws -> LMDBTable {
        guard let table = try tableIfPresent(named: name) else {
            throw EventLogError.invalidRequest(reason: "the log has no table '\(name)'")
        }
        return table
    }

    /// Like `table(named:)`, but nil when the log is read-only and has no such table: for readers
    /// of logs written before the table existed.
    public func tableIfPresent(named name: String) throws -> LMDBTable? {
        guard !Self.reservedTableNames.contains(name), !name.isEmpty, name.utf8.count <= 64 else {
            throw EventLogError.invalidRequest(reason: "'\(name)' cannot name an auxiliary table")
        }
        if let known = auxiliaryTables.withLock({ $0[name] }) { return known }
        let dbi = try withWriterLock { try resizeLock.withShared { () throws -> MDB_dbi? in
            if isClosed { throw EventLogError.closed }
            guard auxiliaryTables.withLock({ $0.count }) < Self.auxiliaryTableCountMax else {
                throw EventLogError.invalidRequest(reason: "more than \(Self.auxiliaryTableCountMax) auxiliary tables")
            }
            var raw: OpaquePointer?
            try LMDB.check(mdb_txn_begin(environment, nil, options.readOnly ? UInt32(MDB_RDONLY) : 0, &raw))
            var dbi: MDB_dbi = 0
            let code = mdb_dbi_open(raw!, name, options.readOnly ? 0 : UInt32(MDB_CREATE), &dbi)
            if code != 0 {
                mdb_txn_abort(raw!)
                if code == MDB_NOTFOUND { return nil }
                try LMDB.check(code)
            }
            try LMDB.check(mdb_txn_commit(raw!))
            return dbi
        } }
        guard let dbi else { return nil }
        let table = LMDBTable(name: name, dbi: dbi)
        auxiliaryTables.withLock { $0[name] = table }
        return table
    }

    /// Runs `body` with a consistent, read-only snapshot of the auxiliary tables and of the log's
    /// last position at that moment.
    public func withSnapshot<Result>(_ body: (LMDBTableReader) throws -> Result) throws -> Result {
        var bodyError: (any Error)?
        let result: Result? = try withReadTransaction { transaction in
            let lastPosition = try transaction.lastRecord(tables: tables)?.position ?? 0
            do {
                return try body(LMDBTableReader(transaction: transaction.transaction, lastPosition: lastPosition))
            } catch {
                bodyError = error
                return nil
            }
        }
        if let bodyError { throw bodyError }
        return result!
    }
}

/// Reads auxiliary tables inside a read transaction or a commit. Returned bytes are valid only
/// inside the call that produced the reader.
public struct LMDBTableReader {
    let transaction: OpaquePointer
    /// The log's last position in this snapshot.
    public let lastPosition: UInt64

    /// The value stored under `key`, borrowed.
    public func get(_ table: LMDBTable, key: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer? {
        var value = MDB_val()
        let code = LMDB.withValue(key) { key in mdb_get(transaction, table.dbi, &key, &value) }
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code)
        return LMDB.bytes(value)
    }

    /// How many entries the table holds, without reading them.
    public func entryCount(_ table: LMDBTable) throws -> Int {
        var stat = MDB_stat()
        try LMDB.check(mdb_stat(transaction, table.dbi, &stat))
        return Int(stat.ms_entries)
    }

    /// Calls `body` for each entry from `start` (inclusive, nil for the first) in key order until it
    /// returns false.
    public func forEach(
        _ table: LMDBTable,
        from start: UnsafeRawBufferPointer?,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var cursor: OpaquePointer?
        try LMDB.check(mdb_cursor_open(transaction, table.dbi, &cursor))
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        var code: Int32
        if let start {
            code = LMDB.withValue(start) { startKey in
                key = startKey
                return mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
            }
        } else {
            code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        }
        while code == 0 {
            if try !body(LMDB.bytes(key), LMDB.bytes(value)) { return }
            code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        if code != MDB_NOTFOUND { try LMDB.check(code) }
    }
}

/// Writes auxiliary tables inside a commit's transaction.
public struct LMDBTableWriter {
    let transaction: OpaquePointer
    private(set) var wroteAnything = false

    init(transaction: OpaquePointer) {
        self.transaction = transaction
    }

    /// Reads see this transaction's own earlier writes.
    public var reader: LMDBTableReader { LMDBTableReader(transaction: transaction, lastPosition: 0) }

    public mutating func put(_ table: LMDBTable, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        guard key.count > 0, key.count <= 511 else {
            throw EventLogError.invalidRequest(reason: "table keys are 1...511 bytes, not \(key.count)")
        }
        try LMDB.withValue(key) { key in
            try LMDB.withValue(value) { value in
                try LMDB.check(mdb_put(transaction, table.dbi, &key, &value, 0))
            }
        }
        wroteAnything = true
    }

    /// Removes the entry; removing an absent key is not an error.
    public mutating func delete(_ table: LMDBTable, key: UnsafeRawBufferPointer) throws {
        let code = LMDB.withValue(key) { key in mdb_del(transaction, table.dbi, &key, nil) }
        if code == MDB_NOTFOUND { return }
        try LMDB.check(code)
        wroteAnything = true
    }
}
