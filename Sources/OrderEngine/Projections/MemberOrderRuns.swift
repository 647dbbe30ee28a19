import EventLog
import Foundation
import Synchronization

/// Rows of the `member-orders` projection that recent commits wrote together, kept out of that
/// table until enough of them can be merged into it at once.
///
/// The table is keyed by member, so a commit of a few hundred orders from as many members wrote
/// one row into each of a few hundred leaf pages: every page copied, written and synced for some
/// 40 bytes. Instead each commit stores its rows as one sorted run in `member-orders-recent`,
/// keyed by the commit's last position (8 bytes, big-endian: appended in order). Once more than
/// `EngineOptions.memberOrderWaitingRowCountMax` rows, or more than `runCountMax` runs, wait,
/// they are merged into `member-orders` in key order over the next `mergeSliceCount` commits, so
/// that each leaf page is written once for many rows and no single commit carries the whole
/// merge; the commit that writes the last slice deletes the merged runs. All of it happens inside
/// the batches' own transactions, so a row is durable exactly when its events are.
///
/// A reader sees the projection as the union of the table and the runs in its snapshot (a row
/// already merged but not yet deleted from its run is the same row twice). A log reopened in the
/// middle of a merge takes every run as waiting and merges some rows a second time, which puts
/// the same value under the same key.
///
/// A run is: a row count (4 bytes, little-endian), each row's offset in the run (4 bytes each,
/// little-endian), then the rows in key order, each a key length (4 bytes, little-endian), the
/// key, a value length (likewise) and the value.
struct MemberOrderRun {
    static let tableName = "member-orders-recent"

    /// One stored run, checked: every offset and length lies within it.
    let bytes: UnsafeRawBufferPointer
    let count: Int

    init(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= 4 else { throw Self.damaged("shorter than its row count") }
        let count = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
        guard count > 0, count <= (bytes.count - 4) / 4 else { throw Self.damaged("\(count) rows in \(bytes.count) bytes") }
        self.bytes = bytes
        self.count = count
        for index in 0..<count {
            let start = offset(index)
            guard start >= 4 + 4 * count, start <= bytes.count - 8 else { throw Self.damaged("row \(index) out of bounds") }
            let keyCount = Self.length(bytes, at: start)
            guard keyCount > 0, keyCount <= bytes.count - start - 8 else { throw Self.damaged("row \(index) key out of bounds") }
            guard Self.length(bytes, at: start + 4 + keyCount) <= bytes.count - start - 8 - keyCount else {
                throw Self.damaged("row \(index) value out of bounds")
            }
        }
    }

    func key(_ index: Int) -> UnsafeRawBufferPointer { Self.row(in: bytes, at: offset(index)).key }

    func value(_ index: Int) -> UnsafeRawBufferPointer { Self.row(in: bytes, at: offset(index)).value }

    /// The row that starts at `start` of `bytes` (key length, key, value length, value), unchecked.
    static func row(in bytes: UnsafeRawBufferPointer, at start: Int) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        let keyEnd = start + 4 + length(bytes, at: start)
        let valueEnd = keyEnd + 4 + length(bytes, at: keyEnd)
        return (UnsafeRawBufferPointer(rebasing: bytes[(start + 4)..<keyEnd]), UnsafeRawBufferPointer(rebasing: bytes[(keyEnd + 4)..<valueEnd]))
    }

    /// The row count of a run this process encoded with `bytes(of:)`, read without checking it.
    static func rowCount(ofEncoded run: [UInt8]) -> Int {
        run.withUnsafeBytes { length($0, at: 0) }
    }

    /// The index of the first row whose key is not below `key` (`count` when there is none).
    func firstIndex(notBelow key: UnsafeRawBufferPointer) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(self.key(middle), key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Rows in key order (sorted here, each key once) as a stored run.
    static func bytes(of rows: [ProjectionRow]) -> [UInt8] {
        let sorted = rows.sorted { precedes($0.key, $1.key) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + sorted.reduce(0) { $0 + 12 + $1.key.count + $1.value.count })
        append(UInt32(sorted.count), to: &bytes)
        var offset = 4 + 4 * sorted.count
        for row in sorted {
            append(UInt32(offset), to: &bytes)
            offset += 8 + row.key.count + row.value.count
        }
        for row in sorted {
            row.key.withUnsafeBytes { key in row.value.withUnsafeBytes { appendRow(key: key, value: $0, to: &bytes) } }
        }
        return bytes
    }

    /// Appends one row as a run stores it: key length, key, value length, value.
    static func appendRow(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        append(UInt32(key.count), to: &bytes)
        bytes.append(contentsOf: key)
        append(UInt32(value.count), to: &bytes)
        bytes.append(contentsOf: value)
    }

    /// The big-endian key a commit's run is stored under.
    static func key(lastPosition: UInt64) -> [UInt8] {
        withUnsafeBytes(of: lastPosition.bigEndian) { Array($0) }
    }

    /// Byte-wise order, a shorter key before the longer one it begins.
    static func precedes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        let shared = min(lhs.count, rhs.count)
        let order = shared == 0 ? 0 : memcmp(lhs.baseAddress!, rhs.baseAddress!, shared)
        return order != 0 ? order < 0 : lhs.count < rhs.count
    }

    /// `precedes` for keys held in arrays.
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in precedes(l, r) } }
    }

    private func offset(_ index: Int) -> Int {
        Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 + 4 * index, as: UInt32.self)))
    }

    private static func length(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Int {
        Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func damaged(_ problem: String) -> EventCodecError {
        .malformed("damaged run in \(tableName): \(problem)")
    }
}

/// The writer's account of the runs in `member-orders-recent` and of the merge in progress. Only
/// the committer's thread changes it, after a commit succeeds (`committed(_:)`), by the step it
/// planned inside that commit (`write(run:lastPosition:into:)`).
final class MemberOrderMerger: Sendable {
    /// Commits a merge is spread over.
    static let mergeSliceCount = 16

    /// `member-orders`, where merges put the rows.
    let orders: LMDBTable
    /// `member-orders-recent`, the runs.
    let runs: LMDBTable
    let rowCountMax: Int
    let runCountMax: Int

    /// The rows of the runs through `throughKey`, in key order: one buffer of rows as a run
    /// stores them (length, key, length, value) and where each row starts in it.
    struct Merge: Sendable {
        let rows: [UInt8]
        let starts: [Int]
        let throughKey: [UInt8]
        let runCount: Int
        let sliceCount: Int
        var next = 0
    }

    /// What one commit does: store its run, then start a merge or go on with one, putting
    /// `slice` into `member-orders`; when `finishes`, delete the runs through the merge's key.
    struct Step: Sendable {
        var runRowCount = 0
        var started: Merge?
        var slice: Range<Int> = 0..<0
        var finishes = false
    }

    private struct State {
        var runCount: Int
        var rowCount: Int
        var merging: Merge?
    }

    private let state: Mutex<State>

    /// Counts the runs stored now; a merge that was in progress starts again.
    init(log: LMDBEventLog, orders: LMDBTable, runs: LMDBTable, rowCountMax: Int, runCountMax: Int) throws {
        self.orders = orders
        self.runs = runs
        self.rowCountMax = rowCountMax
        self.runCountMax = runCountMax
        var (runCount, rowCount) = (0, 0)
        try log.withSnapshot { reader in
            try reader.forEach(runs, from: nil) { _, value in
                runCount += 1
                rowCount += try MemberOrderRun(value).count
                return true
            }
        }
        state = Mutex(State(runCount: runCount, rowCount: rowCount))
    }

    /// Runs and rows waiting, a merge's included until it finishes.
    var waiting: (runCount: Int, rowCount: Int, merging: Bool) {
        state.withLock { ($0.runCount, $0.rowCount, $0.merging != nil) }
    }

    /// Writes a commit's run (`run`, its rows already sorted, nil when the batch placed no order)
    /// and its part of a merge through `writer`, and returns the step to hand to `committed`
    /// once the commit is durable. Changes nothing here, so a commit retried after the map grew
    /// plans the same step.
    func write(run: [UInt8]?, lastPosition: UInt64, into writer: inout LMDBTableWriter) throws -> Step {
        let (runCount, rowCount, merging) = state.withLock { ($0.runCount, $0.rowCount, $0.merging) }
        var step = Step()
        if let run {
            step.runRowCount = MemberOrderRun.rowCount(ofEncoded: run)
            try MemberOrderRun.key(lastPosition: lastPosition).withUnsafeBytes { key in
                try run.withUnsafeBytes { try writer.put(runs, key: key, value: $0) }
            }
        }
        var merge: Merge
        if let merging {
            merge = merging
        } else if step.runRowCount > 0, rowCount + step.runRowCount > rowCountMax || runCount + 1 > runCountMax {
            merge = try Self.merge(runsIn: writer.reader, table: runs, through: lastPosition)
            step.started = merge
        } else {
            return step
        }
        let end = min(merge.next + merge.sliceCount, merge.starts.count)
        step.slice = merge.next..<end
        step.finishes = end == merge.starts.count
        try merge.rows.withUnsafeBytes { rows in
            for start in merge.starts[step.slice] {
                let row = MemberOrderRun.row(in: rows, at: start)
                try writer.put(orders, key: row.key, value: row.value)
            }
        }
        if step.finishes {
            var keys: [[UInt8]] = []
            try merge.throughKey.withUnsafeBytes { throughKey in
                try writer.reader.forEach(runs, from: nil) { key, _ in
                    guard !MemberOrderRun.precedes(throughKey, key) else { return false }
                    keys.append(Array(key))
                    return true
                }
            }
            for key in keys { try key.withUnsafeBytes { try writer.delete(runs, key: $0) } }
        }
        return step
    }

    /// A commit that took `step` is durable.
    func committed(_ step: Step) {
        state.withLock { state in
            if step.runRowCount > 0 {
                state.runCount += 1
                state.rowCount += step.runRowCount
            }
            if let started = step.started { state.merging = started }
            guard var merging = state.merging else { return }
            merging.next = step.slice.upperBound
            if step.finishes {
                state.runCount -= merging.runCount
                state.rowCount -= merging.starts.count
                state.merging = nil
            } else {
                state.merging = merging
            }
        }
    }

    /// Every row of the runs through `lastPosition`, in key order.
    static func merge(runsIn reader: LMDBTableReader, table: LMDBTable, through lastPosition: UInt64) throws -> Merge {
        var rows: [UInt8] = []
        var starts: [Int] = []
        var runCount = 0
        let throughKey = MemberOrderRun.key(lastPosition: lastPosition)
        try throughKey.withUnsafeBytes { throughKey in
            try reader.forEach(table, from: nil) { key, value in
                guard !MemberOrderRun.precedes(throughKey, key) else { return false }
                let run = try MemberOrderRun(value)
                runCount += 1
                for index in 0..<run.count {
                    starts.append(rows.count)
                    MemberOrderRun.appendRow(key: run.key(index), value: run.value(index), to: &rows)
                }
                return true
            }
        }
        rows.withUnsafeBytes { rows in
            starts.sort { lhs, rhs in
                MemberOrderRun.precedes(MemberOrderRun.row(in: rows, at: lhs).key, MemberOrderRun.row(in: rows, at: rhs).key)
            }
        }
        let sliceCount = max(1, (starts.count + mergeSliceCount - 1) / mergeSliceCount)
        return Merge(rows: rows, starts: starts, throughKey: throughKey, runCount: runCount, sliceCount: sliceCount)
    }
}
