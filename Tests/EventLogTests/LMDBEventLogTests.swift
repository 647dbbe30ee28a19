import Foundation
import Testing

@testable import EventLog

/// What only a log on disk can do: survive a reopen, keep out a second writer, grow, fill up,
/// and be backed up while it runs.
@Suite("LMDB event log")
struct LMDBEventLogTests {
    private func open(_ path: String, _ options: LMDBEventLogOptions = LMDBEventLogOptions(durability: .none)) throws -> LMDBEventLog {
        try LMDBEventLog(path: path, options: options, logger: testLogger)
    }

    @Test
    func keepsEverythingAcrossCloseAndReopen() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        let repeated = Make.request(["order-1", "stock-a@w1"])
        var log = try open(path, LMDBEventLogOptions(durability: .full))
        _ = try await log.append(repeated)
        _ = try await log.append(Make.request(["order-1"]))
        let before = try log.read(fromPosition: 1, limit: 10)
        log.close()
        log = try open(path, LMDBEventLogOptions(durability: .full))
        #expect(try log.read(fromPosition: 1, limit: 10) == before)
        #expect(try await log.append(repeated) == AppendResult(firstPosition: 1, eventCount: 2, duplicate: true))
        #expect(try await log.append(Make.request(["order-1"], expecting: ["order-1": .exactly(2)])).firstPosition == 4)
        #expect(try log.verify().ok)
    }

    @Test
    func refusesASecondWriterOnTheSameDirectory() throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        let first = try open(path)
        #expect(throws: EventLogError.alreadyOpen(path: path)) { try open(path) }
        first.close()
        _ = first
    }

    @Test
    func opensReadOnlyBesideAWriterAndRefusesAppends() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        let writer = try open(path)
        _ = try await writer.append(Make.request(["order-1"]))
        let reader = try open(path, LMDBEventLogOptions(readOnly: true))
        #expect(try reader.lastPosition() == 1)
        _ = try await writer.append(Make.request(["order-2"]))
        #expect(try reader.lastPosition() == 2)
        await #expect(throws: EventLogError.self) { try await reader.append(Make.request(["order-3"])) }
        #expect(try reader.verify().ok)
    }

    @Test
    func refusesToOpenADirectoryWithoutALogReadOnly() throws {
        let scratch = ScratchDirectory()
        #expect(throws: EventLogError.self) { try open(scratch.subdirectory("absent"), LMDBEventLogOptions(readOnly: true)) }
    }

    @Test
    func growsTheMapWhenItFills() async throws {
        let scratch = ScratchDirectory()
        let options = LMDBEventLogOptions(durability: .none, mapSizeBytesInitial: 1 << 20, mapSizeBytesMax: 64 << 20)
        let log = try open(scratch.subdirectory("log"), options)
        for index in 0..<40 {
            _ = try await log.append(Make.request(Array(repeating: "bulk-\(index % 4)", count: 10), payloadBytes: 10_000))
        }
        #expect(log.mapSizeBytes > 1 << 20)
        #expect(try log.lastPosition() == 400)
        #expect(try log.verify().ok)
    }

    @Test
    func failsWithStorageFullAtItsLimitWritingNothingAndContinuesWhenRaised() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        let small = LMDBEventLogOptions(durability: .full, mapSizeBytesInitial: 1 << 20, mapSizeBytesMax: 2 << 20)
        var log = try open(path, small)
        var accepted = 0
        var refusal: EventLogError?
        while refusal == nil && accepted < 1000 {
            do {
                _ = try await log.append(Make.request(Array(repeating: "bulk", count: 8), payloadBytes: 8_000))
                accepted += 1
            } catch {
                refusal = error as? EventLogError
            }
        }
        guard case .storageFull = refusal else {
            Issue.record("expected storageFull, got \(String(describing: refusal)) after \(accepted) appends")
            return
        }
        let lastPosition = try log.lastPosition()
        #expect(lastPosition == UInt64(accepted * 8))
        #expect(try log.read(fromPosition: 1, limit: 1).count == 1)
        #expect(try log.verify().ok)
        log.close()
        log = try open(path, LMDBEventLogOptions(durability: .full, mapSizeBytesInitial: 1 << 20, mapSizeBytesMax: 16 << 20))
        _ = try await log.append(Make.request(Array(repeating: "bulk", count: 8), payloadBytes: 8_000))
        #expect(try log.lastPosition() == lastPosition + 8)
        #expect(try log.verify().ok)
    }

    @Test
    func backsUpWhileAppendsRunAndTheBackupOpensAsALog() async throws {
        let scratch = ScratchDirectory()
        let log = try open(scratch.subdirectory("log"))
        for index in 0..<100 { _ = try await log.append(Make.request(["order-\(index)"])) }
        let writers = Task {
            for index in 100..<400 { _ = try await log.append(Make.request(["order-\(index)"])) }
        }
        let backupPath = scratch.subdirectory("backup")
        try log.backup(to: backupPath)
        try await writers.value
        let backup = try open(backupPath)
        let copied = try backup.lastPosition()
        #expect(copied >= 100 && copied <= 400)
        #expect(try backup.verify() == VerificationReport(ok: true, eventCount: copied, firstBadPosition: nil, problem: nil))
        #expect(try backup.read(fromPosition: 1, limit: 500) == log.read(fromPosition: 1, limit: Int(copied)))
        _ = try await backup.append(Make.request(["order-after-restore"]))
        #expect(try backup.lastPosition() == copied + 1)
        #expect(throws: EventLogError.self) { try log.backup(to: backupPath) }
    }

    @Test
    func refusesToOpenALogWhoseLastRecordIsDamaged() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        var log: LMDBEventLog? = try open(path)
        for index in 0..<3 { _ = try await log!.append(Make.request(["order-\(index)"])) }
        Damage.flipByte(log!, position: 3, offset: 20)
        log!.close()
        log = nil
        #expect(throws: EventLogError.corruptRecord(position: 3, problem: "checksum mismatch")) { try open(path) }
        let inspector = try open(path, LMDBEventLogOptions(readOnly: true))
        #expect(try inspector.verify().firstBadPosition == 3)
    }
}
