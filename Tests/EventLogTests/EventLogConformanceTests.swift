import Foundation
import Testing

@testable import EventLog

/// What every event log implementation must do. Each test runs against every `LogKind`.
@Suite("Event log conformance")
struct EventLogConformanceTests {
    @Test(arguments: LogKind.allCases)
    func readsBackWhatItAppendedWithPositionsAndVersions(kind: LogKind) async throws {
        let fixture = try LogFixture(kind)
        let log = fixture.log
        let request = Make.request(["order-1", "stock-a@w1", "order-1"])
        let result = try await log.append(request)
        #expect(result == AppendResult(firstPosition: 1, eventCount: 3, duplicate: false))
        let events = try log.read(fromPosition: 1, limit: 10)
        #expect(events.map(\.position) == [1, 2, 3])
        #expect(events.map(\.streamVersion) == [1, 1, 2])
        #expect(events[0].metadata == request.events[0].metadata)
        #expect(events[0].payload == request.events[0].payload)
        #expect(try log.lastPosition() == 3)
        #expect(try log.streamVersion("order-1") == 2)
        #expect(try log.streamVersion("nobody") == 0)
        #expect(try log.readStream("order-1", fromVersion: 2, limit: 10).map(\.position) == [3])
    }

    /// Stream ids are their bytes: "K" and the Kelvin sign are one `String` to Swift, and two
    /// streams to the log, in one batch or across batches.
    @Test(arguments: LogKind.allCases)
    func keepsStreamsWhoseIdsAreUnicodeEquivalentApart(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let letter = "order-K"
        let kelvin = "order-\u{212A}"
        #expect(letter == kelvin)
        _ = try await log.append(Make.request([letter, kelvin, letter, kelvin, kelvin]))
        _ = try await log.append(Make.request([kelvin], expecting: [kelvin: .exactly(3)]))
        #expect(try log.streamVersion(letter) == 2)
        #expect(try log.streamVersion(kelvin) == 4)
        #expect(try log.readStream(letter, fromVersion: 1, limit: 10).map(\.position) == [1, 3])
        #expect(try log.readStream(kelvin, fromVersion: 1, limit: 10).map(\.position) == [2, 4, 5, 6])
        #expect(try log.verify().ok)
    }

    /// An append's checks are per stream too: one for "K" and one for the Kelvin sign are two
    /// checks, each against its own stream's version.
    @Test(arguments: LogKind.allCases)
    func checksUnicodeEquivalentStreamsEachAgainstItsOwnVersion(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let letter = "order-K"
        let kelvin = "order-\u{212A}"
        _ = try await log.append(Make.request([letter, kelvin, kelvin]))
        let both: StreamExpectations = [letter: .exactly(1), kelvin: .exactly(2)]
        #expect(both.count == 2)
        #expect(both[letter] == .exactly(1))
        #expect(both[kelvin] == .exactly(2))
        await #expect(throws: EventLogError.versionConflict(streamId: kelvin, expected: .exactly(1), actual: 2)) {
            try await log.append(Make.request([letter], expecting: [letter: .exactly(1), kelvin: .exactly(1)]))
        }
        #expect(try log.lastPosition() == 3)
        let appended = try await log.append(Make.request([letter, kelvin], expecting: both))
        #expect(appended.positions == 4..<6)
        #expect(try log.streamVersion(letter) == 2)
        #expect(try log.streamVersion(kelvin) == 3)
        var removed = both
        removed[kelvin] = nil
        #expect(removed.count == 1 && removed[letter] == .exactly(1) && removed[kelvin] == nil)
        #expect(Set(both.map(\.expected)) == [.exactly(1), .exactly(2)])
    }

    @Test(arguments: LogKind.allCases)
    func refusesAnAppendWhoseExpectedVersionIsStaleAndWritesNothing(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        _ = try await log.append(Make.request(["order-1"], expecting: ["order-1": .noStream]))
        await #expect(throws: EventLogError.versionConflict(streamId: "order-1", expected: .noStream, actual: 1)) {
            try await log.append(Make.request(["order-1", "stock-a@w1"], expecting: ["order-1": .noStream]))
        }
        await #expect(throws: EventLogError.versionConflict(streamId: "order-1", expected: .exactly(5), actual: 1)) {
            try await log.append(Make.request(["order-1"], expecting: ["order-1": .exactly(5)]))
        }
        #expect(try log.lastPosition() == 1)
        #expect(try log.streamVersion("stock-a@w1") == 0)
        let accepted = try await log.append(Make.request(["order-1"], expecting: ["order-1": .exactly(1)]))
        #expect(accepted.firstPosition == 2)
    }

    @Test(arguments: LogKind.allCases)
    func answersARepeatedCommandWithItsFirstResultAndAppendsNothing(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let request = Make.request(["order-1", "order-1"])
        let first = try await log.append(request)
        _ = try await log.append(Make.request(["order-2"]))
        let again = try await log.append(request)
        #expect(again == AppendResult(firstPosition: first.firstPosition, eventCount: 2, duplicate: true))
        #expect(try log.lastPosition() == 3)
        #expect(try log.streamVersion("order-1") == 2)
    }

    @Test(arguments: LogKind.allCases)
    func answersEachRequestOfABatchOnItsOwn(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let repeated = Make.request(["order-1"])
        let results = await log.append(contentsOf: [
            repeated,
            Make.request(["order-1"], expecting: ["order-1": .noStream]),
            repeated,
            Make.request([]),
            Make.request(["order-2"]),
        ])
        #expect(try results[0].get() == AppendResult(firstPosition: 1, eventCount: 1, duplicate: false))
        #expect(throws: EventLogError.versionConflict(streamId: "order-1", expected: .noStream, actual: 1)) { try results[1].get() }
        #expect(try results[2].get() == AppendResult(firstPosition: 1, eventCount: 1, duplicate: true))
        #expect(throws: EventLogError.self) { try results[3].get() }
        #expect(try results[4].get() == AppendResult(firstPosition: 2, eventCount: 1, duplicate: false))
        #expect(try log.verify().ok)
    }

    @Test(arguments: LogKind.allCases)
    func letsExactlyOneOfManyRacingWritersCreateAStream(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    (try? await log.append(Make.request(["coupon-x"], expecting: ["coupon-x": .noStream]))) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try log.lastPosition() == 1)
    }

    @Test(arguments: LogKind.allCases)
    func givesConcurrentAppendsGaplessPositionsAndVersions(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let results = await withTaskGroup(of: AppendResult?.self) { group in
            for index in 0..<300 {
                group.addTask { try? await log.append(Make.request(["stream-\(index % 7)", "hot"])) }
            }
            return await group.reduce(into: [AppendResult]()) { if let result = $1 { $0.append(result) } }
        }
        #expect(results.count == 300)
        let positions = results.flatMap { Array($0.positions) }.sorted()
        #expect(positions == Array(1...600))
        let hot = try log.readStream("hot", fromVersion: 1, limit: 1000)
        #expect(hot.map(\.streamVersion) == Array(1...300))
        #expect(try log.verify() == VerificationReport(ok: true, eventCount: 600, firstBadPosition: nil, problem: nil))
    }

    @Test(arguments: LogKind.allCases)
    func refusesBadRequestsWithATypedErrorAndLeavesTheLogUntouched(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        let id = UUID()
        let mismatched = AppendRequest(commandId: UUID(), events: [Make.event("order-1", commandId: id)])
        let bad: [AppendRequest] = [
            Make.request([]),
            Make.request([""]),
            Make.request([String(repeating: "x", count: EventLogLimits.streamIdBytesMax + 1)]),
            Make.request(["order-\u{7}"]),
            Make.request(["order-1"], payloadBytes: EventLogLimits.payloadBytesMax + 1),
            Make.request(["order-1"], expecting: ["": .any]),
            mismatched,
        ]
        for request in bad {
            await #expect(throws: EventLogError.self) { try await log.append(request) }
        }
        #expect(throws: EventLogError.self) { try log.read(fromPosition: 1, limit: 0) }
        #expect(throws: EventLogError.self) { try log.readStream("order-1", fromVersion: 1, limit: EventLogLimits.readLimitMax + 1) }
        #expect(try log.lastPosition() == 0)
        #expect(try log.verify().ok)
    }

    @Test(arguments: LogKind.allCases)
    func subscriptionCatchesUpThenFollowsLiveWithoutGapsOrDuplicates(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        for index in 0..<50 { _ = try await log.append(Make.request(["s-\(index % 3)"])) }
        let total = 250
        let reader = Task {
            var positions: [UInt64] = []
            for try await event in log.subscribe(fromPosition: 20) {
                positions.append(event.position)
                if positions.count == total - 19 { break }
            }
            return positions
        }
        await withTaskGroup(of: Void.self) { group in
            for index in 50..<total {
                group.addTask { _ = try? await log.append(Make.request(["s-\(index % 3)"])) }
            }
        }
        let positions = try await reader.value
        #expect(positions == Array(20...UInt64(total)))
    }

    @Test(arguments: LogKind.allCases)
    func subscriptionEndsWhenTheLogCloses(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        _ = try await log.append(Make.request(["s"]))
        let reader = Task {
            var count = 0
            for try await _ in log.subscribe(fromPosition: 1) { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        log.close()
        #expect(try await reader.value == 1)
        await #expect(throws: EventLogError.closed) { try await log.append(Make.request(["s"])) }
    }

    @Test(arguments: LogKind.allCases)
    func scanLendsEveryRecordInOrderAndStopsWhenAsked(kind: LogKind) async throws {
        let log = try LogFixture(kind).log
        for index in 0..<10 { _ = try await log.append(Make.request(["s-\(index)"])) }
        var seen: [UInt64] = []
        try log.scan(fromPosition: 3, through: 8, checkingChecksums: true) { position, view in
            seen.append(position)
            #expect(view.streamVersion == 1)
            return position < 6
        }
        #expect(seen == [3, 4, 5, 6])
    }

    @Test(arguments: LogKind.allCases)
    func sealsBatchesOfEveryShapeSoThatVerificationAgrees(kind: LogKind) async throws {
        let fixture = try LogFixture(kind)
        let log = fixture.log
        let sizes = [0, 10, 40_000, 200, 32_000, 150_000, 5]
        let id = UUID()
        let mixed = AppendRequest(
            commandId: id,
            events: sizes.map { Make.event("mixed", payload: [UInt8](repeating: 7, count: $0), commandId: id) }
        )
        let many = Make.request(Array(repeating: "many", count: 3_000), payloadBytes: 100)
        let results = await log.append(contentsOf: [mixed, many, Make.request(["one"])])
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(try log.verify() == VerificationReport(ok: true, eventCount: 3_008, firstBadPosition: nil, problem: nil))
        #expect(try log.readStream("mixed", fromVersion: 1, limit: 10).map(\.payload.count) == sizes)
    }
}
