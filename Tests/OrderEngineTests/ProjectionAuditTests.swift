import Foundation
import OrderEngine
import Testing

/// Incremental projections must equal a replay from scratch, and a view as of a past position
/// must equal what the engine showed then.
@Suite("Projection audit")
struct ProjectionAuditTests {
    /// A deterministic random workload: orders placed, paid, cancelled and expired, stock received.
    private func runRandomWorkload(_ fixture: EngineFixture, steps: Int, seed: UInt64, after each: (() throws -> Void)? = nil) async throws {
        var random = SplitMix64(seed: seed)
        try await fixture.stockHotSKU(units: 40, members: 6)
        try await fixture.run(.stock(StockItemID(sku: "hot", warehouse: "w2"), .receive(quantity: 20, at: fixture.now)))
        var placed: [OrderID] = []
        for step in 0..<steps {
            fixture.clock.advance(seconds: 7)
            let command: DomainCommand
            switch random.next() % 6 {
            case 0, 1, 2:
                let id = try OrderID("o\(step)")
                placed.append(id)
                command = try fixture.placeOrder(id.rawValue, member: Int(random.next() % 6), quantity: Int64(random.next() % 3) + 1)
            case 3 where !placed.isEmpty:
                let order = placed[Int(random.next() % UInt64(placed.count))]
                let due = try fixture.engine.order(order)?.order.placement?.totalDue ?? Money(minorUnits: 1, currency: .cny)
                command = .authorizePayment(try PaymentID("p\(step)"), order: order, method: .card, amount: due, at: fixture.now)
            case 4 where !placed.isEmpty:
                command = .cancelOrder(placed[Int(random.next() % UInt64(placed.count))], reason: "changed mind", at: fixture.now)
            default:
                command = .stock(StockItemID(sku: "hot", warehouse: random.next() % 2 == 0 ? "w1" : "w2"), .receive(quantity: 2, at: fixture.now))
            }
            _ = try? await fixture.run(command)
            try each?()
        }
    }

    @Test
    func incrementalProjectionsEqualAFullReplayAfterARandomWorkload() async throws {
        let fixture = try EngineFixture()
        try await runRandomWorkload(fixture, steps: 300, seed: 7)
        let report = try ProjectionAudit.replay(fixture.engine.log)
        #expect(report.matchesStoredProjections == true, "\(report.firstDifference ?? "")")
        #expect(report.events == (try fixture.engine.log.lastPosition()))
        #expect(try ProjectionAudit.verify(fixture.engine.log).ok)
        try fixture.reopen()
        #expect(try ProjectionAudit.replay(fixture.engine.log).matchesStoredProjections == true)
    }

    @Test
    func aViewAsOfAPastPositionEqualsWhatTheEngineShowedThen() async throws {
        let fixture = try EngineFixture()
        var seen: [(position: UInt64, order: OrderView?, stock: SKUStock, member: MemberState?)] = []
        try await runRandomWorkload(fixture, steps: 60, seed: 11) {
            let engine = fixture.engine
            seen.append((try engine.log.lastPosition(), try engine.order("o5"), try engine.stock(sku: "hot"), try engine.member("m1")))
        }
        for snapshot in seen.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            let past = try fixture.engine.views(asOf: snapshot.position)
            #expect(past.order("o5") == snapshot.order)
            #expect(past.stock(sku: "hot") == snapshot.stock)
            #expect(past.member("m1") == snapshot.member)
        }
        let partial = try ProjectionAudit.replay(fixture.engine.log, through: 5)
        #expect(partial.events == 5)
        #expect(partial.matchesStoredProjections == nil)
    }

    @Test
    func verificationNoticesAStoredProjectionThatDisagreesWithTheLog() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 3, members: 1)
        let log = fixture.engine.log
        let items = try log.table(named: "inventory-items")
        let results = try log.commit([]) { _, writer in
            let key = Array("stock-hot@w1".utf8)
            let forged = [UInt8](repeating: 0, count: 56)
            try key.withUnsafeBytes { key in try forged.withUnsafeBytes { try writer.put(items, key: key, value: $0) } }
        }
        #expect(results.isEmpty)
        let report = try ProjectionAudit.verify(log)
        #expect(report.ok == false)
        #expect(report.problem?.contains("inventory-items") == true)
    }
}

/// A small, seedable generator: the same seed gives the same workload on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
