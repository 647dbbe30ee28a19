import EventLog
import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

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

    /// A replay sizes its orders table by the stored order views: one per order, and no more than
    /// the events it folds. A read-only log without the table gives no count rather than failing.
    @Test
    func aReplayCountsTheOrdersAheadFromTheStoredOrderViews() async throws {
        let fixture = try EngineFixture()
        try await runRandomWorkload(fixture, steps: 60, seed: 5)
        let log = fixture.engine.log
        let orderCount = try EventReplay.states(from: log, codec: EventCodec()).orders.count
        #expect(orderCount > 10)
        #expect(try OrderStatusProjection.storedOrderCount(log, atMost: .max) == orderCount)
        #expect(try OrderStatusProjection.storedOrderCount(log, atMost: 4) == 4)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bare-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none), logger: quietLogger).close()
        let readOnly = try LMDBEventLog(path: path, options: LMDBEventLogOptions(readOnly: true), logger: quietLogger)
        defer { readOnly.close() }
        #expect(try OrderStatusProjection.storedOrderCount(readOnly, atMost: .max) == 0)
    }

    /// A forged order view, a member-order row removed and an order view no event explains are
    /// each named, table and key, as the replay compares rows table by table. (Member-order rows
    /// are merged into their table as soon as they are written, so that there is one to remove.)
    @Test(arguments: ["forged", "removed", "added"])
    func replayNamesAnOrderRowThatDisagreesWithTheLog(tampering: String) async throws {
        let fixture = try EngineFixture { $0.memberOrderWaitingRowCountMax = 0 }
        try await runRandomWorkload(fixture, steps: 40, seed: 3)
        let log = fixture.engine.log
        #expect(try ProjectionAudit.replay(log).matchesStoredProjections == true)
        let orders = try log.table(named: "orders")
        let memberOrders = try log.table(named: "member-orders")
        func firstKey(_ table: LMDBTable) throws -> [UInt8] {
            var first: [UInt8] = []
            try log.withSnapshot { reader in
                try reader.forEach(table, from: nil) { key, _ in
                    first = Array(key)
                    return false
                }
            }
            return first
        }
        let orderKey = try firstKey(orders)
        let memberOrderKey = try firstKey(memberOrders)
        #expect(!orderKey.isEmpty && !memberOrderKey.isEmpty)
        _ = try log.commit([]) { _, writer in
            switch tampering {
            case "forged":
                try orderKey.withUnsafeBytes { key in try [UInt8(1)].withUnsafeBytes { try writer.put(orders, key: key, value: $0) } }
            case "removed":
                try memberOrderKey.withUnsafeBytes { try writer.delete(memberOrders, key: $0) }
            default:
                try Array("ghost".utf8).withUnsafeBytes { key in try [UInt8(1)].withUnsafeBytes { try writer.put(orders, key: key, value: $0) } }
            }
        }
        let report = try ProjectionAudit.replay(log)
        #expect(report.matchesStoredProjections == false)
        let expected = [
            "forged": "orders: row \(String(decoding: orderKey, as: UTF8.self)) differs from the replay",
            "removed": "member-orders: row",
            "added": "orders: stored row ghost has no counterpart in the replay",
        ]
        #expect(report.firstDifference?.hasPrefix(expected[tampering] ?? "") == true, "\(report.firstDifference ?? "")")
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
