import Foundation
import Testing

@testable import OrderEngine

/// A restart starts from the last snapshot and folds only the events after it; the result must be
/// exactly the state a fold of the whole log gives.
@Suite("State snapshots")
struct SnapshotTests {
    private func placeSome(_ fixture: EngineFixture, from first: Int, count: Int) async throws {
        for index in first..<(first + count) {
            fixture.clock.advance(seconds: 1)
            _ = try? await fixture.run(try fixture.placeOrder("o\(index)", member: index % 3, quantity: Int64(index % 2) + 1))
        }
    }

    @Test
    func aRestartFromTheSnapshotAndTheTailEqualsAFullFold() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 100, members: 3)
        try await placeSome(fixture, from: 0, count: 20)
        try fixture.reopen()
        let snapshot = try #require(StateSnapshot(log: fixture.engine.log).read(from: fixture.engine.log, lastPosition: .max))
        #expect(snapshot.position == (try fixture.engine.log.lastPosition()))

        try await placeSome(fixture, from: 20, count: 15)
        let expected = try EventReplay.states(from: fixture.engine.log, codec: EventCodec())
        #expect(fixture.engine.sequencer.cache.states == expected)
        try fixture.reopen()
        #expect(fixture.engine.sequencer.cache.states == expected)
        try await placeSome(fixture, from: 35, count: 5)
        #expect(fixture.engine.sequencer.cache.states == (try EventReplay.states(from: fixture.engine.log, codec: EventCodec())))
    }

    @Test
    func aDamagedSnapshotIsIgnoredAndTheWholeLogIsFolded() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 10, members: 2)
        try await placeSome(fixture, from: 0, count: 5)
        fixture.engine.close()
        let log = try LMDBEventLog(path: fixture.path, options: LMDBEventLogOptions(durability: .none), logger: quietLogger)
        let table = try log.table(named: StateSnapshot.tableName)
        #expect(try StateSnapshot(log: log).read(from: log, lastPosition: .max) != nil)
        _ = try log.commit([]) { _, writer in
            try StateSnapshot.key.withUnsafeBytes { key in
                try [UInt8](repeating: 0xFF, count: 40).withUnsafeBytes { try writer.put(table, key: key, value: $0) }
            }
        }
        #expect(try StateSnapshot(log: log).read(from: log, lastPosition: .max) == nil)
        log.close()
        try fixture.reopen()
        #expect(fixture.engine.sequencer.cache.states == (try EventReplay.states(from: fixture.engine.log, codec: EventCodec())))
    }
}
