import Foundation
import Testing

@testable import EventLog

/// Verification must notice every kind of damage and say where it starts.
@Suite("Damage detection")
struct DamageDetectionTests {
    /// Ten events in five commit batches of two.
    private func filledLog(_ kind: LogKind) async throws -> LogFixture {
        let fixture = try LogFixture(kind)
        for index in 0..<5 {
            _ = try await fixture.log.append(Make.request(["order-\(index)", "stock-a@w1"]))
        }
        #expect(try fixture.log.verify().ok)
        return fixture
    }

    @Test(arguments: LogKind.allCases)
    func namesTheRecordWhoseChecksumFails(kind: LogKind) async throws {
        let fixture = try await filledLog(kind)
        Damage.flipByte(fixture.log, position: 6, offset: 90)
        let report = try fixture.log.verify()
        #expect(report.ok == false)
        #expect(report.firstBadPosition == 6)
        #expect(report.problem == "checksum mismatch")
        #expect(throws: EventLogError.corruptRecord(position: 6, problem: "checksum mismatch")) {
            try fixture.log.read(fromPosition: 5, limit: 10)
        }
    }

    @Test(arguments: LogKind.allCases)
    func catchesAForgedRecordThroughTheHashChain(kind: LogKind) async throws {
        let fixture = try await filledLog(kind)
        Damage.forgeRecord(fixture.log, position: 8)
        let report = try fixture.log.verify()
        #expect(report.ok == false)
        #expect(report.firstBadPosition == 7)
        #expect(report.problem?.contains("hash chain broken") == true)
    }

    @Test(arguments: LogKind.allCases)
    func noticesTwoSwappedRecords(kind: LogKind) async throws {
        let fixture = try await filledLog(kind)
        Damage.swapRecords(fixture.log, 3, 4)
        let report = try fixture.log.verify()
        #expect(report.ok == false)
        #expect(report.firstBadPosition == 3)
    }

    @Test(arguments: LogKind.allCases)
    func noticesARemovedRecord(kind: LogKind) async throws {
        let fixture = try await filledLog(kind)
        Damage.removeRecord(fixture.log, position: 10)
        let report = try fixture.log.verify()
        #expect(report.ok == false)
        #expect(report.firstBadPosition == 10)
        #expect(report.eventCount == 9)
    }

    @Test
    func noticesARecordRemovedFromTheMiddle() async throws {
        let fixture = try await filledLog(.lmdb)
        Damage.removeRecord(fixture.log, position: 4)
        let report = try fixture.log.verify()
        #expect(report.firstBadPosition == 4)
        #expect(report.problem?.contains("record missing") == true)
    }
}
