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
        streams = try transaction.cursor(tables.streamRuns)
    }

    func close() {
        mdb_cursor_close(records)
        mdb_cursor_close(chain)
        mdb_cursor_close(streams)
    }

    func forEachRecord(_ body: (UInt64, UnsafeRawBufferPointer) throws -> Bool) throws {
        var key = MDB_val()
        var value = MDB_val()
        var prefetcher = PagePrefetcher()
        var code = mdb_cursor_get(records, &key, &value, MDB_FIRST)
        while code == 0 {
            let bytes = LMDB.bytes(value)
            prefetcher.prefetchRecords(after: bytes)
            if try !body(try LMDBReadTransaction.position(key), bytes) { return }
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

    /// A malformed run points nowhere: the verifier reports the record it should have named.
    func indexedPosition(streamId: UnsafeRawBufferPointer, version: UInt64) throws -> UInt64? {
        guard let run = try? StreamRuns.run(of: streamId, from: version, cursor: streams),
              run.firstVersion <= version
        else { return nil }
        return run.position(ofVersion: version)
    }

    /// The versions all runs hold together; a malformed run holds none.
    func indexEntryCount() throws -> UInt64 {
        var key = MDB_val()
        var value = MDB_val()
        var total: UInt64 = 0
        var code = mdb_cursor_get(streams, &key, &value, MDB_FIRST)
        while code == 0 {
            total += UInt64(StreamRuns.count(ofValue: LMDB.bytes(value)) ?? 0)
            code = mdb_cursor_get(streams, &key, &value, MDB_NEXT)
        }
        if code != MDB_NOTFOUND { try LMDB.check(code) }
        return total
    }
}
