import Benchmark
import Foundation
import Logging
import OrderEngine

/// The engine end to end: orders placed through the sequencer (decide, encode, inline projections,
/// one commit per batch), and a full replay of the resulting log with every projection rebuilt
/// and compared.
enum EngineBenchmarks {
    static let ordersPerIteration = 1_000
    static let replayOrderCount = 50_000
    static let memberCount = 100

    static func register() {
        registerPlaceOrders()
        registerSellOut()
        registerReplay()
    }

    /// One iteration: 1,000 concurrent buyers each place one order with `execute(_:)` for a SKU
    /// that has sold out, and await the answer: the sell-out's common path (queue, decide,
    /// refusal, resume) without a write. `events/s` counts orders answered per second.
    private static func registerSellOut() {
        var configuration = Benchmark.defaultConfiguration
        configuration.maxIterations = 200
        let shop = Shop()
        var round = 0
        Benchmark(
            "Engine/sell-out/buyers-1000",
            configuration: configuration,
            closure: { benchmark in
                round += 1
                let commands = try shop.placeOrders(round: round, count: ordersPerIteration)
                let refused = await benchmark.measureEvents(ordersPerIteration) {
                    await withTaskGroup(of: Bool.self) { group in
                        for command in commands {
                            group.addTask {
                                do {
                                    _ = try await shop.engine.execute(command)
                                    return false
                                } catch EngineError.refused {
                                    return true
                                } catch {
                                    return false
                                }
                            }
                        }
                        return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                    }
                }
                precondition(refused == ordersPerIteration, "an order was not refused")
            },
            setup: { try await shop.open(durability: .full, stock: 0) },
            teardown: { shop.close() }
        )
    }

    /// One iteration: 1,000 one-line orders for a hot SKU handed to the engine in one call, each
    /// decided and written (durability `full`), answered after the batch's fsync.
    private static func registerPlaceOrders() {
        var configuration = Benchmark.defaultConfiguration
        configuration.maxIterations = 200
        let shop = Shop()
        var round = 0
        Benchmark(
            "Engine/place-orders/batch-1000",
            configuration: configuration,
            closure: { benchmark in
                round += 1
                let commands = try shop.placeOrders(round: round, count: ordersPerIteration)
                let results = await benchmark.measureEvents(ordersPerIteration) {
                    await shop.engine.execute(contentsOf: commands)
                }
                precondition(results.allSatisfy { (try? $0.get()) != nil }, "an order was refused")
            },
            setup: { try await shop.open(durability: .full) },
            teardown: { shop.close() }
        )
    }

    /// One iteration: `ProjectionAudit.replay` of a log of 50,000 placed orders (about 100,000
    /// events): every event decoded and folded, every inline projection rebuilt and compared with
    /// the stored one. `events/s` counts events folded per second of the whole iteration.
    private static func registerReplay() {
        var configuration = Benchmark.defaultConfiguration
        configuration.maxIterations = 20
        let shop = Shop()
        Benchmark(
            "Engine/replay",
            configuration: configuration,
            closure: { benchmark in
                let log = shop.engine.log
                let eventCount = Int(try log.lastPosition())
                let report = try benchmark.measureEventsSynchronously(eventCount) { try ProjectionAudit.replay(log) }
                precondition(report.matchesStoredProjections == true, "\(report.firstDifference ?? "")")
            },
            setup: {
                try await shop.open(durability: .none)
                for round in 1...(replayOrderCount / ordersPerIteration) {
                    _ = await shop.engine.execute(contentsOf: try shop.placeOrders(round: round, count: ordersPerIteration))
                }
            },
            teardown: { shop.close() }
        )
    }
}

/// A data directory with one hot SKU in plenty and `memberCount` members.
private final class Shop: @unchecked Sendable {
    private var scratch: ScratchDirectory?
    private(set) var engine: OrderEngine!
    let now = Timestamp(microsecondsSince1970: 1_767_225_600_000_000)
    let address = PostalAddress(
        recipient: "Buyer", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road",
        postalCode: "200000")

    /// `stock`: units of the hot SKU (0: it has sold out).
    func open(durability: LMDBEventLogOptions.Durability, stock: Int64 = 100_000_000) async throws {
        let scratch = try ScratchDirectory(prefix: "engine-benchmark")
        self.scratch = scratch
        let options = EngineOptions(durability: durability, expirySweepInterval: nil)
        engine = try OrderEngine(path: scratch.path + "/data", options: options, logger: Logger(label: "benchmark") { _ in SwiftLogNoOpLogHandler() })
        let hot = SKUDefinition(id: "hot", title: "Hot", price: Money(minorUnits: 1_000, currency: .cny), categoryPath: ["deals"])
        var setup: [DomainCommand] = [.catalog("hot", .register(hot, at: now)), .catalog("hot", .list(at: now))]
        if stock > 0 { setup.append(.stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: stock, at: now))) }
        for index in 0..<EngineBenchmarks.memberCount {
            setup.append(.member(try MemberID("m\(index)"), .register(MemberProfile(displayName: "Member \(index)"), at: now)))
        }
        for command in setup { _ = try await engine.execute(EngineCommand(actor: "staff:bench", command: command)) }
    }

    func placeOrders(round: Int, count: Int) throws -> [EngineCommand] {
        try (0..<count).map { index in
            let place = PlaceOrder(
                order: try OrderID("o\(round)-\(index)"), member: try MemberID("m\(index % EngineBenchmarks.memberCount)"),
                lines: [LineQuantity(sku: "hot", quantity: 1)], shippingAddress: address, coupon: nil, pointsToRedeem: 0,
                at: now)
            return EngineCommand(actor: "member:bench", command: .placeOrder(place))
        }
    }

    func close() {
        engine?.close()
        scratch?.remove()
    }
}
