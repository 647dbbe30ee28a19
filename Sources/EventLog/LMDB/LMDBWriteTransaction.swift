import CLMDB
import struct FoundationEssentials.UUID

/// One LMDB write transaction over the log's tables. Owned by the thread that commits the batch.
struct LMDBWriteTransaction: LogWriteTransaction {
    let transaction: OpaquePointer
    let tables: LMDBTables
    private let streamCursor: OpaquePointer
    /// Stays on the last record: an append through it skips the search from the root that
    /// `mdb_put` makes for every record.
    private let recordCursor: OpaquePointer
    /// What earlier commits left in `recent-commands`.
    private let recentCommands: RecentCommands
    /// This transaction's idempotency entries.
    private(set) var addedCommands: [CommandKey: AppendResult] = [:]

    init(transaction: OpaquePointer, tables: LMDBTables, recentCommands: RecentCommands) throws {
        self.transaction = transaction
        self.tables = tables
        self.recentCommands = recentCommands
        var cursor: OpaquePointer?
        try LMDB.check(mdb_cursor_open(transaction, tables.streamRuns, &cursor))
        self.streamCursor = cursor!
        let code = mdb_cursor_open(transaction, tables.records, &cursor)
        if code != 0 {
            mdb_cursor_close(streamCursor)
            throw LMDB.error(code)
        }
        self.recordCursor = cursor!
    }

    /// Releases the cursors; call before committing or aborting.
    func close() {
        mdb_cursor_close(recordCursor)
        mdb_cursor_close(streamCursor)
    }

    func commandOutcome(_ commandId: UUID) throws -> AppendResult? {
        let key = CommandKey(commandId)
        if let added = addedCommands[key] { return added }
        if let recent = recentCommands.outcome(key) { return recent }
        return try LMDBReads.commandOutcome(commandId, transaction: transaction, tables: tables)
    }

    func streamVersion(_ streamId: String) throws -> UInt64 {
        try LMDBReads.streamVersion(streamId, cursor: streamCursor)
    }

    mutating func writeRecord(position: UInt64, bytes: UnsafeRawBufferPointer) throws {
        try LMDB.withValue(of: position.bigEndian) { key in
            try LMDB.withValue(bytes) { value in
                try LMDB.check(mdb_cursor_put(recordCursor, &key, &value, UInt32(MDB_APPEND)))
            }
        }
    }

    /// One run per stream and batch: see `StreamRuns`.
    mutating func putStreamIndex(streamId: String, entries: [StreamIndexEntry]) throws {
        var streamId = streamId
        try streamId.withUTF8 { name in
            try StreamRuns.put(streamId: UnsafeRawBufferPointer(name), entries: entries, cursor: streamCursor)
        }
    }

    /// Kept until `storeCommandOutcomes` writes them all at once; a command id is stored once.
    mutating func putCommandOutcome(_ commandId: UUID, _ result: AppendResult) throws {
        guard addedCommands.updateValue(result, forKey: CommandKey(commandId)) == nil else { throw LMDB.error(MDB_KEYEXIST) }
    }

    /// Stores this transaction's idempotency entries as one value of `recent-commands` under
    /// `lastPosition`, and takes the merge's next step (see `RecentCommandRuns`), which the caller
    /// hands to `RecentCommands.committed` once the transaction commits.
    func storeCommandOutcomes(lastPosition: UInt64, waitingCountMax: Int) throws -> RecentCommands.Step {
        guard let recentTable = tables.recentCommands else {
            if addedCommands.isEmpty { return RecentCommands.Step() }
            throw EventLogError.invalidRequest(reason: "the log is open read-only")
        }
        if !addedCommands.isEmpty {
            let value = RecentCommandRuns.value(of: addedCommands)
            try LMDB.withValue(of: lastPosition.bigEndian) { key in
                try value.withUnsafeBytes { bytes in
                    try LMDB.withValue(bytes) { value in
                        try LMDB.check(mdb_put(transaction, recentTable, &key, &value, UInt32(MDB_APPEND)))
                    }
                }
            }
        }
        let step = recentCommands.step(adding: addedCommands, runKey: lastPosition, waitingCountMax: waitingCountMax)
        for entry in step.slice { try putMerged(entry.key.id, entry.result) }
        if step.finishes { try deleteRuns(through: step.throughKey, table: recentTable) }
        return step
    }

    /// Puts an entry into `commands`. A log reopened during a merge merges some entries again: the
    /// value already stored must then be this one.
    private func putMerged(_ commandId: UUID, _ result: AppendResult) throws {
        try LMDB.withValue(of: commandId.uuid) { key in
            try LMDB.withValue(of: (result.firstPosition.littleEndian, result.eventCount.littleEndian)) { value in
                let code = mdb_put(transaction, tables.commands, &key, &value, UInt32(MDB_NOOVERWRITE))
                if code == MDB_KEYEXIST {
                    // `value` now holds the stored entry.
                    let stored = LMDB.bytes(value)
                    let same = stored.count == 12
                        && UInt64(littleEndian: stored.loadUnaligned(as: UInt64.self)) == result.firstPosition
                        && UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) == result.eventCount
                    guard same else {
                        throw EventLogError.storage(code: MDB_CORRUPTED, message: "command \(commandId) has two stored outcomes")
                    }
                    return
                }
                try LMDB.check(code)
            }
        }
    }

    private func deleteRuns(through lastKey: UInt64, table: MDB_dbi) throws {
        var keys: [UInt64] = []
        var raw: OpaquePointer?
        try LMDB.check(mdb_cursor_open(transaction, table, &raw))
        do {
            defer { mdb_cursor_close(raw!) }
            var key = MDB_val()
            var value = MDB_val()
            var code = mdb_cursor_get(raw!, &key, &value, MDB_FIRST)
            while code == 0 {
                guard key.mv_size == 8 else {
                    throw EventLogError.storage(code: MDB_CORRUPTED, message: "a recent-commands key of \(key.mv_size) bytes")
                }
                let position = UInt64(bigEndian: LMDB.bytes(key).loadUnaligned(as: UInt64.self))
                guard position <= lastKey else { break }
                keys.append(position)
                code = mdb_cursor_get(raw!, &key, &value, MDB_NEXT)
            }
            if code != 0 && code != MDB_NOTFOUND { try LMDB.check(code) }
        }
        for position in keys {
            try LMDB.withValue(of: position.bigEndian) { key in try LMDB.check(mdb_del(transaction, table, &key, nil)) }
        }
    }

    mutating func putChainLink(_ link: ChainLink) throws {
        try LMDB.withValue(of: link.lastPosition.bigEndian) { key in
            try link.encodedValue().withUnsafeBytes { bytes in
                try LMDB.withValue(bytes) { value in
                    try LMDB.check(mdb_put(transaction, tables.chain, &key, &value, UInt32(MDB_APPEND)))
                }
            }
        }
    }
}

/// Reads shared by write and read transactions.
enum LMDBReads {
    static func commandOutcome(
        _ commandId: UUID,
        transaction: OpaquePointer,
        tables: LMDBTables
    ) throws -> AppendResult? {
        var value = MDB_val()
        let code = LMDB.withValue(of: commandId.uuid) { key in mdb_get(transaction, tables.commands, &key, &value) }
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code)
        guard value.mv_size == 12 else {
            throw EventLogError.storage(code: MDB_CORRUPTED, message: "idempotency entry of \(value.mv_size) bytes")
        }
        let bytes = LMDB.bytes(value)
        return AppendResult(
            firstPosition: UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)),
            eventCount: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
            duplicate: false
        )
    }

    /// The stream's last version through a cursor on the stream index; 0 when absent.
    static func streamVersion(_ streamId: String, cursor: OpaquePointer) throws -> UInt64 {
        var streamId = streamId
        return try streamId.withUTF8 { name in
            try StreamRuns.lastVersion(of: UnsafeRawBufferPointer(name), cursor: cursor)
        }
    }
}
