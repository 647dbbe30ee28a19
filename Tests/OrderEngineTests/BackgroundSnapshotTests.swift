import Foundation
import Testing

@testable import OrderEngine

/// Periodic snapshots are written off the writer thread, from a copy of the state at a batch
/// boundary: the stored state must be exactly a fold of the log up to the stored position.
@Suite struct BackgroundSnapshotTests {
    @Test func aPeriodicSnapshotHoldsTheStateAtItsPosition() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock()
        let engine = try OrderEngine(
            path: path, options: EngineOptions(durability: .none, clock: clock, snapshotEventInterval: 8), logger: quietLogger)
        defer { engine.close() }
        let now = Timestamp(microsecondsSince1970: clock.nowMicroseconds())
        let hot = SKUDefinition(id: "hot", title: "Hot", price: Money(minorUnits: 1_000, currency: .cny), categoryPath: ["deals"])
        var commands: [DomainCommand] = [
            .catalog("hot", .register(hot, at: now)), .catalog("hot", .list(at: now)),
            .stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: 100, at: now)),
            .member("m0", .register(MemberProfile(displayName: "Member"), at: now)),
        ]
        let address = PostalAddress(
            recipient: "Member", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000")
        for index in 0..<20 {
            commands.append(
                .placeOrder(
                    PlaceOrder(
                        order: try OrderID("o\(index)"), member: "m0", lines: [LineQuantity(sku: "hot", quantity: 1)],
                        shippingAddress: address, at: now)))
        }
        for command in commands { _ = try await engine.execute(EngineCommand(actor: "staff:test", command: command)) }
        engine.sequencer.waitForBackgroundSnapshot()
        let stored = try #require(StateSnapshot(log: engine.log).read(from: engine.log, lastPosition: .max))
        let lastPosition = try engine.log.lastPosition()
        #expect(stored.position > 8 && stored.position <= lastPosition)
        #expect(stored.states == (try EventReplay.states(from: engine.log, through: stored.position, codec: EventCodec())))
    }
}
