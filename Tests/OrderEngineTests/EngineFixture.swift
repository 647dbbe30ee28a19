import Foundation
import Logging
import OrderEngine
import Testing

/// A clock tests move by hand.
final class ManualClock: EngineClock, @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64

    init(_ now: Int64 = 1_767_225_600_000_000) {
        self.now = now
    }

    func nowMicroseconds() -> Int64 { lock.withLock { now } }

    func advance(seconds: Int64) { lock.withLock { now += seconds * 1_000_000 } }
}

let quietLogger = Logger(label: "engine-tests") { _ in SwiftLogNoOpLogHandler() }

/// Options for an engine whose log cannot grow past 1 MiB: for tests that fill it up.
func fullingUpOptions(clock: ManualClock) -> EngineOptions {
    EngineOptions(durability: .none, mapSizeBytesInitial: 1 << 20, mapSizeBytesMax: 1 << 20, clock: clock)
}

/// Registers SKU `sku` with a 200-byte title (filling the log quickly), then receives one unit of
/// `item`; each step awaited.
func registerPaddedSKUAndReceiveOne(_ engine: OrderEngine, sku: String, item: StockItemID, at: Timestamp) async throws {
    let id = try SKUID(sku)
    let definition = SKUDefinition(
        id: id, title: String(repeating: "t", count: 200), price: Money(minorUnits: 100, currency: .cny), categoryPath: ["a"])
    _ = try await engine.execute(EngineCommand(actor: "staff:test", command: .catalog(id, .register(definition, at: at))))
    _ = try await engine.execute(EngineCommand(actor: "staff:test", command: .stock(item, .receive(quantity: 1, at: at))))
}

/// A scratch data directory and an engine on it, reopenable.
final class EngineFixture {
    let path: String
    let clock = ManualClock()
    private let cachedAggregateCountMax: Int
    /// Changes made to the options of every engine the fixture opens.
    private let adjust: (inout EngineOptions) -> Void
    private(set) var engine: OrderEngine

    init(
        durability: LMDBEventLogOptions.Durability = .none, cachedAggregateCountMax: Int = EngineOptions().cachedAggregateCountMax,
        adjust: @escaping (inout EngineOptions) -> Void = { _ in }
    ) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)").path
        self.cachedAggregateCountMax = cachedAggregateCountMax
        self.adjust = adjust
        var options = EngineOptions(durability: durability, clock: clock, cachedAggregateCountMax: cachedAggregateCountMax)
        adjust(&options)
        engine = try OrderEngine(path: path, options: options, logger: quietLogger)
    }

    deinit {
        engine.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    func reopen() throws {
        engine.close()
        var options = EngineOptions(durability: .none, clock: clock, cachedAggregateCountMax: cachedAggregateCountMax)
        adjust(&options)
        engine = try OrderEngine(path: path, options: options, logger: quietLogger)
    }

    var now: Timestamp { Timestamp(microsecondsSince1970: clock.nowMicroseconds()) }

    @discardableResult
    func run(_ command: DomainCommand, id: UUID = UUID()) async throws -> CommandOutcome {
        try await engine.execute(EngineCommand(id: id, actor: "staff:test", command: command))
    }

    /// One SKU `hot` priced 10.00 CNY with `units` in warehouse w1, and `members` members m0, m1, ...
    func stockHotSKU(units: Int64, members: Int) async throws {
        let definition = SKUDefinition(id: "hot", title: "Hot item", price: Money(minorUnits: 1_000, currency: .cny), categoryPath: ["deals"])
        try await run(.catalog("hot", .register(definition, at: now)))
        try await run(.catalog("hot", .list(at: now)))
        try await run(.stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: units, at: now)))
        for index in 0..<members {
            try await run(.member(try MemberID("m\(index)"), .register(MemberProfile(displayName: "Member \(index)"), at: now)))
        }
    }

    func placeOrder(_ order: String, member: Int, quantity: Int64 = 1) throws -> DomainCommand {
        .placeOrder(
            PlaceOrder(
                order: try OrderID(order), member: try MemberID("m\(member)"),
                lines: [LineQuantity(sku: "hot", quantity: quantity)],
                shippingAddress: PostalAddress(
                    recipient: "Member", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road",
                    postalCode: "200000"),
                coupon: nil, pointsToRedeem: 0, at: now))
    }
}
