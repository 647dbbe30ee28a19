import Foundation
import Testing

@testable import EventLog

/// What opening a log checks (see `OpenChecks`): the data file's length and the whole last commit
/// batch. A writer refuses a log that fails them; a read-only open lets it be inspected.
@Suite("Checks on open")
struct OpenCheckTests {
    private func open(_ path: String, readOnly: Bool = false) throws -> LMDBEventLog {
        try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none, readOnly: readOnly), logger: testLogger)
    }

    /// Two batches: positions 1...2, then 3...5.
    private func twoBatches(_ path: String) async throws -> LMDBEventLog {
        let log = try open(path)
        _ = try await log.append(Make.request(["order-1", "stock-a@w1"]))
        _ = try await log.append(Make.request(["order-2", "order-3", "stock-a@w1"]))
        return log
    }

    /// Damages the closed log at `path`, then expects a writer to be refused with `problem` at
    /// `position` and a read-only open to let verify name the same position.
    private func expectRefused(
        _ path: String, position: UInt64, problem: String, damage: (LMDBEventLog) -> Void
    ) async throws {
        var log: LMDBEventLog? = try await twoBatches(path)
        damage(log!)
        log!.close()
        log = nil
        #expect {
            try open(path)
        } throws: { error in
            guard case EventLogError.corruptRecord(position, let found) = error else { return false }
            return found.contains(problem)
        }
        let inspector = try open(path, readOnly: true)
        #expect(try inspector.verify().firstBadPosition == position)
    }

    @Test
    func refusesALastBatchWithADamagedRecordBeforeItsLast() async throws {
        let scratch = ScratchDirectory()
        try await expectRefused(scratch.subdirectory("log"), position: 3, problem: "checksum mismatch") {
            Damage.flipByte($0, position: 3, offset: 40)
        }
    }

    @Test
    func refusesALastBatchWithAForgedRecord() async throws {
        let scratch = ScratchDirectory()
        try await expectRefused(scratch.subdirectory("log"), position: 3, problem: "hash chain broken") {
            Damage.forgeRecord($0, position: 4)
        }
    }

    @Test
    func refusesALastBatchWithTwoSwappedRecords() async throws {
        let scratch = ScratchDirectory()
        try await expectRefused(scratch.subdirectory("log"), position: 3, problem: "checksum mismatch") {
            Damage.swapRecords($0, 3, 4)
        }
    }

    @Test
    func refusesALastBatchThatLostARecord() async throws {
        let scratch = ScratchDirectory()
        try await expectRefused(scratch.subdirectory("log"), position: 5, problem: "disagree") {
            Damage.removeRecord($0, position: 5)
        }
    }

    /// Opening does not read the whole log: damage before the last batch is verify's to find, and
    /// reads still refuse the damaged record.
    @Test
    func opensALogDamagedBeforeItsLastBatchAndVerifyNamesThePlace() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        var log: LMDBEventLog? = try await twoBatches(path)
        Damage.flipByte(log!, position: 1, offset: 40)
        log!.close()
        log = try open(path)
        #expect(try log!.verify().firstBadPosition == 1)
        #expect(throws: EventLogError.corruptRecord(position: 1, problem: "checksum mismatch")) {
            try log!.read(fromPosition: 1, limit: 5)
        }
    }

    @Test
    func refusesATruncatedDataFileEvenReadOnlyInsteadOfCrashing() async throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        var log: LMDBEventLog? = try open(path)
        for index in 0..<50 {
            _ = try await log!.append(Make.request(Array(repeating: "bulk-\(index % 5)", count: 8), payloadBytes: 2_000))
        }
        log!.close()
        log = nil
        let dataFile = path + "/data.mdb"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: dataFile)[.size] as? Int)
        #expect(truncate(dataFile, off_t(size / 2)) == 0)
        for readOnly in [false, true] {
            #expect {
                try open(path, readOnly: readOnly)
            } throws: { error in
                guard case EventLogError.damagedFile(_, let problem) = error else { return false }
                return problem.contains("truncated")
            }
        }
    }

    @Test
    func aBackupReplacesWhatAnInterruptedBackupLeftAndLeavesOnlyTheLog() async throws {
        let scratch = ScratchDirectory()
        let log = try await twoBatches(scratch.subdirectory("log"))
        let target = scratch.subdirectory("backup")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: target + "/data.mdb.partial", contents: Data("half a copy".utf8))
        try log.backup(to: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["data.mdb"])
        #expect(try open(target, readOnly: true).verify().eventCount == 5)
    }
}
