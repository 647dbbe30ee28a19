import Benchmark
import OrderEngine

/// The sequencer's decide loop without I/O: `Domain.decide` of one-line orders for a hot SKU
/// against in-memory states, each accepted order applied at once so the next one sees it, as a
/// batch is decided before its commit. One iteration decides `ordersPerIteration` orders.
enum DecideBenchmarks {
    static let ordersPerIteration = 1_000
    static let memberCount = 100
    static let now = Timestamp(microsecondsSince1970: 1_767_225_600_000_000)
    static let address = PostalAddress(
        recipient: "Buyer", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road",
        postalCode: "200000")

    static func register() {
        registerDecide("Decide/place-order/accepted", stock: 1_000_000_000)
        registerDecide("Decide/place-order/sold-out", stock: 0)
    }

    /// `stock` 0: every order is refused with `insufficient_stock`, the sell-out's common case.
    private static func registerDecide(_ name: String, stock: Int64) {
        var states = shop(stock: stock)
        var round = 0
        Benchmark(name) { benchmark in
            round += 1
            let commands = try orders(round: round)
            var accepted = 0
            benchmark.measureEventsSynchronously(ordersPerIteration) {
                for command in commands {
                    guard let events = try? Domain.decide(command, states, .standard) else { continue }
                    states.apply(events)
                    accepted += 1
                }
            }
            precondition(accepted == (stock > 0 ? ordersPerIteration : 0))
        }
    }

    /// A listed hot SKU with `stock` units in one warehouse, and `memberCount` members.
    static func shop(stock: Int64) -> DomainStates {
        var states = DomainStates()
        let hot = SKUDefinition(id: "hot", title: "Hot", price: Money(minorUnits: 1_000, currency: .cny), categoryPath: ["deals"])
        var setup: [DomainCommand] = [.catalog("hot", .register(hot, at: now)), .catalog("hot", .list(at: now))]
        if stock > 0 { setup.append(.stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: stock, at: now))) }
        for index in 0..<memberCount {
            setup.append(.member(MemberID(stringLiteral: "m\(index)"), .register(MemberProfile(displayName: "Member \(index)"), at: now)))
        }
        for command in setup { states.apply(try! Domain.decide(command, states, .standard)) }
        return states
    }

    static func orders(round: Int) throws -> [DomainCommand] {
        try (0..<ordersPerIteration).map { index in
            .placeOrder(
                PlaceOrder(
                    order: try OrderID("o\(round)-\(index)"), member: try MemberID("m\(index % memberCount)"),
                    lines: [LineQuantity(sku: "hot", quantity: 1)], shippingAddress: address, at: now))
        }
    }
}
