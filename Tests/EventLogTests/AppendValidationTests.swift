import Foundation
import Testing

@testable import EventLog

/// The writer checks each stream id once per batch, when it first meets the stream; these tests
/// hold it to the same verdicts, with the same reasons, as the check a caller runs ahead.
@Suite("Append validation")
struct AppendValidationTests {
    @Test(arguments: LogKind.allCases)
    func refusesALaterBadEventWithTheReasonTheCheckAheadGives(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let commandId = UUID()
        var badActor = Make.event("order-2", commandId: commandId)
        badActor.metadata.actor = "staff:\u{1B}"
        let bad: [AppendRequest] = [
            Make.request(["order-1", "order-2", "order-\u{85}"]),
            Make.request(["order-1", "order-1", ""]),
            AppendRequest(commandId: commandId, events: [Make.event("order-1", commandId: commandId), badActor]),
            AppendRequest(commandId: UUID(), events: [Make.event("order-1", commandId: UUID())]),
        ]
        let good = Make.request(["order-1", "order-2"])
        let results = await log.append(contentsOf: [good] + bad + [Make.request(["order-2", "order-1"])])
        #expect(try results[0].get().positions == 1..<3)
        for (request, result) in zip(bad, results[1...]) {
            let reason = try #require(request.invalidity)
            #expect(throws: EventLogError.invalidRequest(reason: reason)) { try result.get() }
        }
        #expect(try results.last!.get().positions == 3..<5)
        #expect(try log.readStream("order-1", fromVersion: 1, limit: 10).map(\.position) == [1, 4])
        #expect(try log.readStream("order-2", fromVersion: 1, limit: 10).map(\.position) == [2, 3])
        #expect(try log.verify() == VerificationReport(ok: true, eventCount: 4, firstBadPosition: nil, problem: nil))
    }

    @Test(arguments: LogKind.allCases)
    func leavesNoIndexEntryForAStreamSeenOnlyByARefusedRequest(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let refused = Make.request(["order-new", "order-\u{7F}"])
        let results = await log.append(contentsOf: [refused, Make.request(["order-1"])])
        #expect(throws: EventLogError.self) { try results[0].get() }
        #expect(try results[1].get().positions == 1..<2)
        #expect(try log.streamVersion("order-new") == 0)
        #expect(try log.readStream("order-new", fromVersion: 1, limit: 10).isEmpty)
        #expect(try log.verify().ok)
    }

    @Test(arguments: LogKind.allCases)
    func refusesAnInvalidRepeatOfACommandInsteadOfAnsweringItAsADuplicate(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let commandId = UUID()
        _ = try await log.append(Make.request(["order-1"], commandId: commandId))
        let repeated = Make.request(["order-1", "order-\u{0}"], commandId: commandId)
        await #expect(throws: EventLogError.invalidRequest(reason: "stream id contains control characters")) {
            try await log.append(repeated)
        }
        #expect(try log.lastPosition() == 1)
    }
}
