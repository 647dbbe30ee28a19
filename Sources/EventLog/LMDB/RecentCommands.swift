import CLMDB
import Synchronization

import FoundationEssentials

/// Idempotency entries of recent commits, kept out of the `commands` table until enough of them
/// can be merged into it at once.
///
/// Command ids are random, so a commit of a few hundred commands wrote one entry into each of a
/// few hundred of the table's leaf pages: every one of those pages copied, written and synced for
/// some 40 bytes. Instead, each commit stores its commands' entries as one value, in the
/// `recent-commands` table, keyed by the commit's last position (8 bytes, big-endian: appended
/// in order); the value is the entries one after another, 28 bytes each: the command id, the
/// first position (8 bytes, little-endian) and the event count (4 bytes, little-endian). Once
/// `LMDBEventLogOptions.recentCommandCountMax` entries are waiting, the commit that would exceed
/// it moves all of them into `commands`, in key order, and empties `recent-commands`: each leaf
/// page is then written once for many entries. Both happen inside the batch's own transaction, so
/// an entry is durable exactly when its events are.
enum RecentCommandRuns {
    static let tableName = "recent-commands"
    static let entryBytes = 28

    /// One commit's entries as a stored value.
    static func value(of entries: [(id: UUID, result: AppendResult)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * entryBytes)
        for entry in entries {
            withUnsafeBytes(of: entry.id.uuid) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.result.firstPosition.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.result.eventCount.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Hands each entry of a stored value to `body`; a value that is not whole entries is corrupt.
    static func forEachEntry(
        in value: UnsafeRawBufferPointer, _ body: (UUID, AppendResult) throws -> Void
    ) throws {
        guard value.count % entryBytes == 0 else {
            throw EventLogError.storage(code: MDB_CORRUPTED, message: "recent command entries of \(value.count) bytes")
        }
        for start in stride(from: 0, to: value.count, by: entryBytes) {
            let id = UUID(uuid: value.loadUnaligned(fromByteOffset: start, as: uuid_t.self))
            let result = AppendResult(
                firstPosition: UInt64(littleEndian: value.loadUnaligned(fromByteOffset: start + 16, as: UInt64.self)),
                eventCount: UInt32(littleEndian: value.loadUnaligned(fromByteOffset: start + 24, as: UInt32.self)),
                duplicate: false)
            try body(id, result)
        }
    }

    /// Every entry in the table, as of `transaction`.
    static func all(in transaction: OpaquePointer, table: MDB_dbi) throws -> [UUID: AppendResult] {
        var entries: [UUID: AppendResult] = [:]
        try forEachValue(in: transaction, table: table) { value in
            try forEachEntry(in: value) { id, result in entries[id] = result }
        }
        return entries
    }

    /// The entries of `ids` in the table, as of `transaction`.
    static func outcomes(of ids: Set<UUID>, in transaction: OpaquePointer, table: MDB_dbi) throws -> [UUID: AppendResult] {
        var found: [UUID: AppendResult] = [:]
        try forEachValue(in: transaction, table: table) { value in
            try forEachEntry(in: value) { id, result in
                if ids.contains(id) { found[id] = result }
            }
        }
        return found
    }

    private static func forEachValue(
        in transaction: OpaquePointer, table: MDB_dbi, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var raw: OpaquePointer?
        try LMDB.check(mdb_cursor_open(transaction, table, &raw))
        let cursor = raw!
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        var code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        while code == 0 {
            try body(LMDB.bytes(value))
            code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        if code != MDB_NOTFOUND { try LMDB.check(code) }
    }
}

/// The writing log's copy of the entries in `recent-commands`, so that looking up a command id
/// costs a hash look-up rather than a walk over the table. Updated only after a commit succeeds.
/// Entries a merge moved into `commands` stay until the next merge: a read snapshot taken before
/// the merge committed finds them here, not yet in `commands`.
final class RecentCommands: Sendable {
    private struct Entries {
        var waiting: [UUID: AppendResult] = [:]
        var merged: [UUID: AppendResult] = [:]
    }

    private let entries: Mutex<Entries>

    init(waiting: [UUID: AppendResult]) {
        entries = Mutex(Entries(waiting: waiting))
    }

    /// Entries waiting in `recent-commands`.
    var waitingCount: Int { entries.withLock { $0.waiting.count } }

    /// Every entry waiting in `recent-commands`.
    var waiting: [UUID: AppendResult] { entries.withLock { $0.waiting } }

    func outcome(_ id: UUID) -> AppendResult? {
        entries.withLock { $0.waiting[id] ?? $0.merged[id] }
    }

    /// A commit stored `added` in `recent-commands`, or, when `merged`, moved everything waiting
    /// and `added` into `commands`.
    func committed(_ added: [(id: UUID, result: AppendResult)], merged: Bool) {
        entries.withLock { entries in
            for entry in added { entries.waiting[entry.id] = entry.result }
            if merged {
                entries.merged = entries.waiting
                entries.waiting = [:]
            }
        }
    }
}
