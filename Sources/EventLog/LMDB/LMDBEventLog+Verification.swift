import CLMDB

extension LMDBEventLog {
    public func verify() throws -> VerificationReport {
        try withReadTransaction { (transaction) throws -> VerificationReport in
            let source = try LMDBVerificationSource(transaction: transaction, tables: tables)
            defer { source.close() }
            return try LogVerifier.verify(source)
        }
    }
}

/// Walks the records and the chain with two cursors of one read transaction.
private final class LMDBVerificationSource: VerificationSource {
    let transaction: LMDBReadTransaction
    let tables: LMDBTables
    let records: OpaquePointer
    let chain: OpaquePointer
    let streams: OpaquePointer
    var chainStarted = false

    init(transaction: LMDBReadTransaction, tables: LMDBTables) throws {
        self.transaction = transaction
        self.tables = tables
        records = try transaction.cursor(tables.records)
        chain = try transaction.cursor(tables.chain)
        streams = try transaction.cursor(tables.streams)
    }

    func close() {
        mdb_cursor_close(records)
        mdb_cursor_close(chain)
        mdb_cursor_close(streams)
    }

    func forEachRecord(_ body: (UInt64, UnsafeRawBufferPointer) throws -> Bool) throws {
        var key = MDB_val()
        var value = MDB_val()
        var code = mdb_cursor_get(records, &key, &value, MDB_FIRST)
        while code == 0 {
            if try !body(try LMDBReadTransaction.position(key), LMDB.bytes(value)) { return }
            code = mdb_cursor_get(records, &key, &value, MDB_NEXT)
        }
        if code != MDB_NOTFOUND { try LMDB.check(code) }
    }

    func nextChainLink() throws -> ChainLink? {
        var key = MDB_val()
        var value = MDB_val()
        let code = mdb_cursor_get(chain, &key, &value, chainStarted ? MDB_NEXT : MDB_FIRST)
        chainStarted = true
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code)
        return try LMDBReadTransaction.chainLink(key: key, value: value)
    }

    func indexedPosition(streamId: UnsafeRawBufferPointer, version: UInt64) throws -> UInt64? {
        var key = MDB_val(mv_size: streamId.count, mv_data: UnsafeMutableRawPointer(mutating: streamId.baseAddress))
        return try StreamIndexEntry(version: version, position: 0).withValue { value in
            let code = mdb_cursor_get(streams, &key, &value, MDB_GET_BOTH_RANGE)
            if code == MDB_NOTFOUND { return nil }
            try LMDB.check(code)
            let found = StreamIndexEntry(LMDB.bytes(value))
            return found.version == version ? found.position : nil
        }
    }

    func indexEntryCount() throws -> UInt64 {
        var stat = MDB_stat()
        try LMDB.check(mdb_stat(transaction.transaction, tables.streams, &stat))
        return UInt64(stat.ms_entries)
    }
}
