import Foundation
import Testing

@testable import EventLog

/// Idempotency entries wait in `recent-commands`, one value per commit, until a commit moves them
/// all into `commands`. Wherever an entry is, a repeated command id must get its first outcome:
/// in the same commit, from memory, after a merge, after reopening, and from another process's
/// read-only view.
@Suite("Recent commands")
struct RecentCommandsTests {
    private static let waitingCountMax = 5

    private func open(_ path: String, readOnly: Bool = false) throws -> LMDBEventLog {
        let options = LMDBEventLogOptions(durability: .none, readOnly: readOnly, recentCommandCountMax: Self.waitingCountMax)
        return try LMDBEventLog(path: path, options: options, logger: testLogger)
    }

    /// Commits of one to three commands each, so that merges start and finish at commits of every
    /// size; after each, every command so far is found, and repeats get their first outcome. The
    /// log is reopened once in the middle of a merge, which then merges some entries again.
    @Test
    func everyStoredCommandIsFoundWhereverItsEntryWaits() throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        var log = try open(path)
        var stored: [(id: UUID, result: AppendResult)] = []
        var mergesFinished = 0
        var reopenedWhileMerging = false
        for commit in 0..<60 {
            let requests = (0...(commit % 3)).map { _ in Make.request(["order-\(commit)"]) }
            let wasMerging = log.recentCommands.isMerging
            let results = try log.commit(requests) { _, _ in }
            for (request, result) in zip(requests, results) {
                let result = try result.get()
                #expect(!result.duplicate)
                stored.append((request.commandId, result))
            }
            if wasMerging && !log.recentCommands.isMerging { mergesFinished += 1 }
            // A merge takes `mergeSliceCount` commits, while commits of up to three commands go on.
            #expect(log.recentCommands.waitingCount <= Self.waitingCountMax + RecentCommandRuns.mergeSliceCount * 3)
            try expectFound(stored, in: log)
            if !reopenedWhileMerging && mergesFinished == 1 && log.recentCommands.isMerging {
                reopenedWhileMerging = true
                log.close()
                log = try open(path)
                #expect(!log.recentCommands.isMerging)
                try expectFound(stored, in: log)
            }
        }
        #expect(reopenedWhileMerging)
        #expect(mergesFinished >= 3)
        // Appending a stored command again writes nothing and answers its first outcome.
        let last = try log.lastPosition()
        for entry in [stored[0], stored[stored.count / 2], stored[stored.count - 1]] {
            let repeated = try log.commit([Make.request(["order-x"], commandId: entry.id)]) { _, _ in }
            #expect(try repeated[0].get() == AppendResult(firstPosition: entry.result.firstPosition, eventCount: 1, duplicate: true))
        }
        #expect(try log.lastPosition() == last)
        log.close()
        let reopened = try open(path)
        try expectFound(stored, in: reopened)
        #expect(try reopened.verify().ok)
        reopened.close()
    }

    /// A command repeated inside one commit is stored once; the repeat gets the first outcome.
    @Test
    func aRepeatInTheSameCommitIsADuplicate() throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        defer { log.close() }
        let id = UUID()
        let results = try log.commit([Make.request(["order-1"], commandId: id), Make.request(["order-2"], commandId: id)]) { _, _ in }
        #expect(try results[0].get() == AppendResult(firstPosition: 1, eventCount: 1, duplicate: false))
        #expect(try results[1].get() == AppendResult(firstPosition: 1, eventCount: 1, duplicate: true))
        #expect(log.recentCommands.waitingCount == 1)
        #expect(try log.lastPosition() == 1)
    }

    /// A read-only log opened beside the writer finds commands the writer stored after it opened,
    /// whether they wait in `recent-commands` or were merged since.
    @Test
    func aReadOnlyLogFindsCommandsStoredAfterItOpened() throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        let writer = try open(path)
        defer { writer.close() }
        _ = try writer.commit([Make.request(["order-0"])]) { _, _ in }
        let reader = try open(path, readOnly: true)
        defer { reader.close() }
        var stored: [(id: UUID, result: AppendResult)] = []
        for commit in 1...12 {
            let request = Make.request(["order-\(commit)"])
            stored.append((request.commandId, try writer.commit([request]) { _, _ in }[0].get()))
            try expectFound(stored, in: reader)
        }
        #expect(try reader.commandOutcomes([UUID()]) == [nil])
    }

    /// A merge writes its entries in the `commands` table's key order (LMDB compares keys as
    /// unsigned bytes), so each slice covers one run of leaf pages. Ids that differ in one byte at
    /// every position, in both directions across the sign bit, and random ones.
    @Test
    func aMergeTakesItsEntriesInTheTablesKeyOrder() {
        var ids = (0..<2_000).map { _ in UUID() }
        for position in 0..<16 {
            for byte: UInt8 in [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff] {
                var uuid: uuid_t = (7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7)
                withUnsafeMutableBytes(of: &uuid) { $0[position] = byte }
                ids.append(UUID(uuid: uuid))
            }
        }
        let index = Dictionary(
            ids.enumerated().map { (CommandKey($1), AppendResult(firstPosition: UInt64($0 + 1), eventCount: 1, duplicate: false)) },
            uniquingKeysWith: { first, _ in first })
        // Some entries waited; the rest came with the commit that starts the merge.
        let waiting = index.filter { $0.value.firstPosition % 3 != 0 }
        let merge = RecentCommands.Merge(waiting: waiting, added: index.filter { waiting[$0.key] == nil }, throughKey: 1)
        let bytes: (UUID) -> [UInt8] = { id in withUnsafeBytes(of: id.uuid) { Array($0) } }
        let expected = index.keys.map(\.id).sorted { bytes($0).lexicographicallyPrecedes(bytes($1)) }
        #expect(merge.entries.count == expected.count)
        let firstOutOfOrder = merge.entries.indices.first { merge.entries[$0].key.id != expected[$0] }
        #expect(firstOutOfOrder == nil)
        #expect(merge.entries.allSatisfy { index[$0.key] == $0.result && merge.outcome($0.key) == $0.result })
    }

    private func expectFound(
        _ stored: [(id: UUID, result: AppendResult)], in log: LMDBEventLog, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = try log.commandOutcomes(stored.map(\.id) + [UUID()])
        #expect(found.last! == nil, sourceLocation: sourceLocation)
        for (entry, outcome) in zip(stored, found) {
            let expected = AppendResult(firstPosition: entry.result.firstPosition, eventCount: entry.result.eventCount, duplicate: true)
            #expect(outcome == expected, sourceLocation: sourceLocation)
        }
    }
}
