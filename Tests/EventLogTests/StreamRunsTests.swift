import CLMDB
import Foundation
import Testing

@testable import EventLog

/// The stream index stored as runs (`StreamRuns`): one entry per stream and commit batch. Reads
/// that start, stop or cross inside runs, stream ids that are prefixes of each other, damage to
/// a run, and the conversion of a log written with one entry per event.
@Suite("Stream index runs")
struct StreamRunsTests {
    private func open(_ path: String, readOnly: Bool = false) throws -> LMDBEventLog {
        try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none, readOnly: readOnly), logger: testLogger)
    }

    /// Stream ids where one is the other's prefix, with a space (the lowest printable byte).
    private static let streams = ["a", "a b", "ab", "a\u{7E}", "b"]

    /// Appends `rounds` requests, each interleaving every stream `perRound` times, and returns
    /// each stream's positions in version order.
    private func appendRounds(_ log: LMDBEventLog, rounds: Int, perRound: Int) async throws -> [String: [UInt64]] {
        var positions: [String: [UInt64]] = [:]
        for _ in 0..<rounds {
            let layout = (0..<perRound).flatMap { _ in Self.streams }
            let result = try await log.append(Make.request(layout))
            for (offset, stream) in layout.enumerated() {
                positions[stream, default: []].append(result.firstPosition + UInt64(offset))
            }
        }
        return positions
    }

    private func expectStreams(_ log: LMDBEventLog, _ positions: [String: [UInt64]]) throws {
        for (stream, expected) in positions {
            #expect(try log.streamVersion(stream) == UInt64(expected.count))
            let all = try log.readStream(stream, fromVersion: 0, limit: 10_000)
            #expect(all.map(\.position) == expected, "\(stream)")
            #expect(all.allSatisfy { $0.streamId == stream })
            #expect(all.map(\.streamVersion) == Array(1...UInt64(expected.count)))
        }
    }

    @Test
    func readsStartStopAndCrossInsideRuns() async throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        let positions = try await appendRounds(log, rounds: 4, perRound: 3)
        try expectStreams(log, positions)
        // Runs of "ab" hold versions 1-3, 4-6, 7-9, 10-12: start in the middle of the second
        // and stop in the middle of the fourth.
        let middle = try log.readStream("ab", fromVersion: 5, limit: 6)
        #expect(middle.map(\.streamVersion) == Array(5...10))
        #expect(middle.map(\.position) == Array(positions["ab"]![4...9]))
        #expect(try log.readStream("ab", fromVersion: 12, limit: 5).map(\.streamVersion) == [12])
        #expect(try log.readStream("ab", fromVersion: 13, limit: 5).isEmpty)
        #expect(try log.readStream("a", fromVersion: 3, limit: 1).map(\.streamVersion) == [3])
        #expect(try log.streamVersion("a ") == 0)
        #expect(try log.streamVersion("c") == 0)
        #expect(try log.readStream("c", fromVersion: 1, limit: 5).isEmpty)
        #expect(try log.verify().ok)
        // Expected versions are checked against the runs' last versions.
        await #expect(throws: EventLogError.self) {
            try await log.append(Make.request(["ab"], expecting: ["ab": .exactly(11)]))
        }
        _ = try await log.append(Make.request(["ab"], expecting: ["ab": .exactly(12)]))
        #expect(try log.streamVersion("ab") == 13)
    }

    /// The appender guesses each event's stream from the one that followed the previous event's
    /// stream last time; wrong guesses must cost time only.
    @Test
    func streamsThatFollowEachOtherInChangingOrderGetTheirOwnVersions() async throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        let layout = ["a", "b", "a", "c", "a", "b", "c", "c", "b", "a", "a b", "a", "ab", "a b"]
        let result = try await log.append(Make.request(layout))
        var expected: [String: [UInt64]] = [:]
        for (offset, stream) in layout.enumerated() {
            expected[stream, default: []].append(result.firstPosition + UInt64(offset))
        }
        try expectStreams(log, expected)
        let again = try await log.append(Make.request(layout.reversed()))
        for (offset, stream) in layout.reversed().enumerated() {
            expected[stream, default: []].append(again.firstPosition + UInt64(offset))
        }
        try expectStreams(log, expected)
        #expect(try log.verify().ok)
    }

    /// A commit of several requests (as the engine makes) can give one stream more versions than
    /// one run holds: they are stored as consecutive runs.
    @Test
    func aStreamGivenMoreThanOneRunHoldsInACommitGetsSeveralRuns() async throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        _ = try await log.append(Make.request(["hot", "other"]))
        let perRequest = EventLogLimits.requestEventCountMax - 1
        let requests = (0..<3).map { _ in Make.request(Array(repeating: "hot", count: perRequest) + ["other"]) }
        let total = 3 * perRequest
        #expect(total > StreamRuns.countMax)
        let results = try log.commit(requests, alongside: nil)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(try log.streamVersion("hot") == UInt64(1 + total))
        let hot = try log.readStream("hot", fromVersion: 1, limit: EventLogLimits.readLimitMax)
        #expect(hot.count == min(1 + total, EventLogLimits.readLimitMax))
        #expect(hot.enumerated().allSatisfy { $0.element.streamVersion == UInt64($0.offset + 1) })
        let crossing = try log.readStream("hot", fromVersion: UInt64(StreamRuns.countMax - 1), limit: 4)
        #expect(crossing.map(\.streamVersion) == (0..<4).map { UInt64(StreamRuns.countMax - 1 + $0) })
        // Versions 10,001...19,999 came with the second request: each sits two positions on.
        #expect(crossing.map(\.position) == crossing.map { $0.streamVersion + 2 })
        #expect(try log.readStream("other", fromVersion: 1, limit: 10).map(\.streamVersion) == [1, 2, 3, 4])
        #expect(try log.verify().ok)
    }

    @Test
    func aMalformedRunIsNamedByVerifyAndRefusedByReads() async throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        _ = try await appendRounds(log, rounds: 2, perRound: 2)
        // Cut the last value byte off the first run of "ab" (versions 1 and 2).
        rewriteRun(log, stream: "ab", lastVersion: 2) { $0.removeLast() }
        let report = try log.verify()
        #expect(!report.ok)
        #expect(report.firstBadPosition == 3)
        #expect(report.problem?.contains("stream index does not point at this record (ab v1)") == true)
        #expect {
            try log.readStream("ab", fromVersion: 1, limit: 10)
        } throws: { error in
            guard case EventLogError.storage(_, let message) = error else { return false }
            return message.contains("stream index run of ab up to v2 is malformed")
        }
        #expect(try log.readStream("a b", fromVersion: 1, limit: 10).count == 4)
    }

    @Test
    func aRunThatClaimsAnotherRecordIsNamed() async throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        _ = try await appendRounds(log, rounds: 2, perRound: 2)
        // "b" v2 is at position 10; point it one further.
        rewriteRun(log, stream: "b", lastVersion: 2) { value in value[12] &+= 1 }
        let report = try log.verify()
        #expect(report.firstBadPosition == 10)
        #expect(report.problem?.contains("(b v2)") == true)
    }

    @Test
    func convertsAnIndexOfOneEntryPerEvent() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        var log: LMDBEventLog? = try open(path)
        // More records than one conversion transaction takes.
        var positions = try await appendRounds(log!, rounds: 2, perRound: 3)
        for _ in 0..<6 {
            let layout = (0..<10_000).map { "order-\($0 % 7)" }
            let result = try await log!.append(Make.request(layout))
            for (offset, stream) in layout.enumerated() {
                positions[stream, default: []].append(result.firstPosition + UInt64(offset))
            }
        }
        #expect(try log!.lastPosition() > UInt64(StreamIndexConversion.recordsPerTransaction))
        Self.replaceRunsWithLegacyIndex(log!)
        log!.close()
        log = nil

        #expect {
            try open(path, readOnly: true)
        } throws: { error in
            guard case EventLogError.storage(_, let message) = error else { return false }
            return message.contains("earlier version")
        }

        let converted = try open(path)
        #expect(!(try StreamIndexConversion.isNeeded(converted.environment)))
        try expectStreams(converted, positions)
        #expect(try converted.verify().ok)
        _ = try await converted.append(Make.request(["ab", "ab"], expecting: ["ab": .exactly(6)]))
        #expect(try converted.readStream("ab", fromVersion: 6, limit: 10).map(\.streamVersion) == [6, 7, 8])
        #expect(try converted.verify().ok)
        converted.close()
        #expect(try open(path, readOnly: true).verify().ok)
    }

    /// Rewrites one run's value in place, below the log's API.
    private func rewriteRun(_ log: LMDBEventLog, stream: String, lastVersion: UInt64, _ edit: (inout [UInt8]) -> Void) {
        var raw: OpaquePointer?
        precondition(mdb_txn_begin(log.environment, nil, 0, &raw) == 0)
        Array(stream.utf8).withUnsafeBytes { name in
            StreamRuns.withKey(streamId: name, version: lastVersion) { key in
                var value = MDB_val()
                precondition(mdb_get(raw!, log.tables.streamRuns, &key, &value) == 0)
                var bytes = Array(LMDB.bytes(value))
                edit(&bytes)
                bytes.withUnsafeBytes { bytes in
                    var replacement = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                    precondition(mdb_put(raw!, log.tables.streamRuns, &key, &replacement, 0) == 0)
                }
            }
        }
        precondition(mdb_txn_commit(raw!) == 0)
    }

    /// Rewrites the index the way earlier versions stored it: table `streams`, the stream id as
    /// key, one sorted duplicate (version, position; 8 bytes big-endian each) per event.
    private static func replaceRunsWithLegacyIndex(_ log: LMDBEventLog) {
        var raw: OpaquePointer?
        precondition(mdb_txn_begin(log.environment, nil, 0, &raw) == 0)
        let transaction = raw!
        var legacy: MDB_dbi = 0
        precondition(mdb_dbi_open(transaction, "streams", UInt32(MDB_CREATE | MDB_DUPSORT | MDB_DUPFIXED), &legacy) == 0)
        Damage.forEachRecord(log, in: transaction) { position, bytes in
            let view = RecordView(bytes: bytes)
            var streamKey = MDB_val(mv_size: view.streamIdBytes.count, mv_data: UnsafeMutableRawPointer(mutating: view.streamIdBytes.baseAddress))
            LMDB.withValue(of: (view.streamVersion.bigEndian, position.bigEndian)) { entry in
                precondition(mdb_put(transaction, legacy, &streamKey, &entry, 0) == 0)
            }
        }
        precondition(mdb_drop(transaction, log.tables.streamRuns, 1) == 0)
        precondition(mdb_txn_commit(transaction) == 0)
    }
}
