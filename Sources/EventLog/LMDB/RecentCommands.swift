import CLMDB
import Synchronization

import FoundationEssentials

/// Idempotency entries of recent commits, kept out of the `commands` table until enough of them
/// can be merged into it together.
///
/// Command ids are random, so a commit of a few hundred commands wrote one entry into each of a
/// few hundred of the table's leaf pages: every one of those pages copied, written and synced for
/// some 40 bytes. Instead, each commit stores its commands' entries as one value, in the
/// `recent-commands` table, keyed by the commit's last position (8 bytes, big-endian: appended
/// in order); the value is the entries one after another, 28 bytes each: the command id, the
/// first position (8 bytes, little-endian) and the event count (4 bytes, little-endian).
///
/// Once more than `LMDBEventLogOptions.recentCommandCountMax` entries wait, they are merged into
/// `commands` in key order over the next `mergeSliceCount` commits, a sixteenth of the key order
/// each, so that each leaf page is written for many entries and no single commit carries the
/// whole merge; the commit that writes the last slice deletes the merged runs. All of it happens
/// inside the batches' own transactions, so an entry is durable exactly when its events are. A
/// log reopened in the middle of a merge takes every run as waiting and merges some entries a
/// second time, which finds them stored with the same value.
enum RecentCommandRuns {
    static let tableName = "recent-commands"
    static let entryBytes = 28
    /// Commits a merge is spread over.
    static let mergeSliceCount = 16

    /// One commit's entries as a stored value.
    static func value(of entries: [CommandKey: AppendResult]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * entryBytes)
        for (key, result) in entries {
            withUnsafeBytes(of: key.id.uuid) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: result.firstPosition.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: result.eventCount.littleEndian) { bytes.append(contentsOf: $0) }
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
    static func all(in transaction: OpaquePointer, table: MDB_dbi) throws -> [CommandKey: AppendResult] {
        var entries: [CommandKey: AppendResult] = [:]
        try forEachValue(in: transaction, table: table) { value in
            try forEachEntry(in: value) { id, result in entries[CommandKey(id)] = result }
        }
        return entries
    }

    /// The entries of `ids` in the table, as of `transaction`.
    static func outcomes(of ids: Set<CommandKey>, in transaction: OpaquePointer, table: MDB_dbi) throws -> [CommandKey: AppendResult] {
        var found: [CommandKey: AppendResult] = [:]
        try forEachValue(in: transaction, table: table) { value in
            try forEachEntry(in: value) { id, result in
                let key = CommandKey(id)
                if ids.contains(key) { found[key] = result }
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
/// costs a hash look-up rather than a walk over the table, and the merge in progress. Only the
/// committing thread changes it, after a commit succeeds (`committed(_:step:)`), by the step it
/// planned for that commit (`step(adding:runKey:waitingCountMax:)`); other threads only look up.
/// Entries of a finished merge stay until the next merge finishes: a read snapshot taken before
/// that merge's last commit finds them here, not yet in `commands`.
final class RecentCommands: Sendable {
    typealias Entry = (key: CommandKey, result: AppendResult)

    /// A merge in progress: the entries of the runs through `throughKey`, in key order.
    ///
    /// It is planned inside the commit that starts it, which every caller of that commit waits
    /// for, so it copies no table: it keeps the entries that were waiting as they were, beside
    /// those of the starting commit, and sorts their keys compared as two words each (a sort of
    /// tens of thousands of ids a byte at a time, after copying and growing the waiting table to
    /// add the commit's entries, held that commit for tens of milliseconds).
    struct Merge: Sendable {
        private(set) var entries: [Entry]
        /// The entries that were waiting when the merge started.
        let waiting: [CommandKey: AppendResult]
        /// The entries of the commit that started it.
        let added: [CommandKey: AppendResult]
        let throughKey: UInt64
        let sliceCount: Int
        var next = 0

        /// `waiting` and `added` have no id in common: a commit adds only ids not yet stored.
        init(waiting: [CommandKey: AppendResult], added: [CommandKey: AppendResult], throughKey: UInt64) {
            var entries: [Entry] = []
            entries.reserveCapacity(waiting.count + added.count)
            for (key, result) in waiting { entries.append((key, result)) }
            for (key, result) in added { entries.append((key, result)) }
            entries.sort { $0.key.precedesInByteOrder($1.key) }
            self.entries = entries
            self.waiting = waiting
            self.added = added
            self.throughKey = throughKey
            sliceCount = Swift.max(1, (entries.count + RecentCommandRuns.mergeSliceCount - 1) / RecentCommandRuns.mergeSliceCount)
        }

        func outcome(_ id: CommandKey) -> AppendResult? { waiting[id] ?? added[id] }

        /// Done: the entries stay only to be looked up.
        mutating func finish() { entries = [] }
    }

    /// What one commit does beyond storing its own run: start a merge, or go on with one; then
    /// put `slice` into `commands`, and when `finishes`, delete the runs through `throughKey`.
    struct Step {
        var started: Merge?
        var slice: ArraySlice<Entry> = []
        var finishes = false
        var throughKey: UInt64 = 0
    }

    private struct State {
        var waiting: [CommandKey: AppendResult] = [:]
        var merging: Merge?
        var merged: Merge?
    }

    private let state: Mutex<State>

    init(waiting: [CommandKey: AppendResult]) {
        state = Mutex(State(waiting: waiting))
    }

    /// Entries waiting in `recent-commands` and not being merged.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Whether a merge is in progress.
    var isMerging: Bool { state.withLock { $0.merging != nil } }

    func outcome(_ id: CommandKey) -> AppendResult? {
        state.withLock { Self.outcome(id, in: $0) }
    }

    /// The outcomes of `ids`, under one lock.
    func outcomes(_ ids: [CommandKey]) -> [AppendResult?] {
        state.withLock { state in ids.map { Self.outcome($0, in: state) } }
    }

    private static func outcome(_ id: CommandKey, in state: State) -> AppendResult? {
        state.waiting[id] ?? state.merging?.outcome(id) ?? state.merged?.outcome(id)
    }

    /// What the commit that stores `added` under `runKey` does to merge. Sorts a new merge's
    /// entries outside the lock: the committing thread is the only one that changes the state.
    func step(adding added: [CommandKey: AppendResult], runKey: UInt64, waitingCountMax: Int) -> Step {
        let (merging, toMerge) = state.withLock { state -> (Merge?, [CommandKey: AppendResult]?) in
            if let merging = state.merging { return (merging, nil) }
            guard state.waiting.count + added.count > waitingCountMax else { return (nil, nil) }
            return (nil, state.waiting)
        }
        var step = Step()
        let merge: Merge
        if let merging {
            merge = merging
        } else if let toMerge {
            merge = Merge(waiting: toMerge, added: added, throughKey: runKey)
            step.started = merge
        } else {
            return step
        }
        let end = Swift.min(merge.next + merge.sliceCount, merge.entries.count)
        step.slice = merge.entries[merge.next..<end]
        step.finishes = end == merge.entries.count
        step.throughKey = merge.throughKey
        return step
    }

    /// A commit stored `added` in `recent-commands` and took `step`.
    func committed(_ added: [CommandKey: AppendResult], step: Step) {
        state.withLock { state in
            if let started = step.started {
                state.waiting = [:]
                state.merging = started
            } else {
                state.waiting.merge(added) { first, _ in first }
            }
            guard var merging = state.merging else { return }
            merging.next += step.slice.count
            if step.finishes {
                merging.finish()
                state.merged = merging
                state.merging = nil
            } else {
                state.merging = merging
            }
        }
    }
}
