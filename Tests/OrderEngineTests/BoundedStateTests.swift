import EventLog
import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

/// An engine that holds only a few orders, payments, parcels, cases and members in memory must
/// decide exactly as one that holds them all: what it let go is read back from the log.
@Suite("Bounded in-memory state")
struct BoundedStateTests {
    static let orderCount = 24
    /// Held beyond the bound at most: the aggregates of the batch being committed, which stay in
    /// memory until the next batch finds it durable. Each batch here is one command, and no
    /// command of the script touches more aggregates than this.
    static let inFlightAggregateCountMax = 6

    @Test
    func anEngineHoldingThreeAggregatesDecidesLikeOneHoldingAll() async throws {
        let whole = try EngineFixture()
        let bounded = try EngineFixture(cachedAggregateCountMax: 3)
        let shop = ShopScript(clock: whole.clock)
        var outcomes = 0
        for (round, commands) in shop.rounds().enumerated() {
            if round == 4 { try bounded.reopen() }
            for command in commands {
                let expected = await whole.engine.execute(contentsOf: [EngineCommand(id: command.id, actor: "staff:test", command: command.command)])
                let actual = await bounded.engine.execute(contentsOf: [EngineCommand(id: command.id, actor: "staff:test", command: command.command)])
                #expect(Self.same(expected[0], actual[0]), "\(command.command)")
                outcomes += 1
                #expect(bounded.engine.statistics.cachedAggregateCount <= 3 + Self.inFlightAggregateCountMax)
            }
            whole.clock.advance(seconds: 60)
            bounded.clock.advance(seconds: 60)
        }
        whole.clock.advance(seconds: 3_600)
        bounded.clock.advance(seconds: 3_600)
        await whole.engine.expireDueOrders()
        await bounded.engine.expireDueOrders()
        #expect(outcomes > 150)
        #expect(bounded.engine.statistics.aggregateLoadCount > 100)
        #expect(bounded.engine.statistics.cachedAggregateCount <= 3 + Self.inFlightAggregateCountMax)

        for index in 0..<Self.orderCount {
            let id = try OrderID("o\(index)")
            #expect(try bounded.engine.order(id) == whole.engine.order(id), "\(id)")
            if index % 6 == 5 { #expect(try bounded.engine.order(id)?.order.status == .expired, "\(id) expired after being let go") }
        }
        for member in shop.members { #expect(try bounded.engine.member(member) == whole.engine.member(member)) }
        #expect(try bounded.engine.stock(sku: "hot") == whole.engine.stock(sku: "hot"))
        #expect(try ProjectionAudit.verify(bounded.engine.log).ok)
        #expect(try bounded.engine.log.lastPosition() == whole.engine.log.lastPosition())
    }

    @Test
    func theStartUpFoldReadsBackWhatTheSnapshotLetGoAsItStoodBeforeEachEvent() async throws {
        let whole = try EngineFixture()
        for commands in ShopScript(clock: whole.clock).rounds() {
            for command in commands { _ = await whole.engine.execute(contentsOf: [EngineCommand(id: command.id, actor: "staff:test", command: command.command)]) }
            whole.clock.advance(seconds: 60)
        }
        let log = whole.engine.log
        let end = try log.lastPosition()
        let final = try EventReplay.states(from: log, codec: EventCodec())
        for start in [0, end / 3, end / 2, end - 1] {
            let full = try EventReplay.states(from: log, through: start, codec: EventCodec())
            // A snapshot that holds the stock, catalog and coupons but only one order of all.
            let partial = DomainStates(
                catalogs: full.catalogs, stocks: full.stocks, warehousesBySKU: full.warehousesBySKU,
                orders: full.orders.first.map { [$0.key: $0.value] } ?? [:], payments: [:], shipments: [:], afterSales: [:],
                members: [:], coupons: full.coupons)
            let deadlines = full.orders.compactMap { id, order in
                order.status == .awaitingPayment ? order.placement.map { PaymentDeadline(dueAtMicroseconds: $0.paymentDueAt.microsecondsSince1970, order: id) } : nil
            }
            let cache = StateCache(states: partial, paymentDeadlines: deadlines, log: log, codec: EventCodec(), countMax: 2)
            try cache.fold(after: start)
            #expect(cache.count <= 2, "from \(start)")
            let unpaid = Set(final.orders.filter { $0.value.status == .awaitingPayment }.keys)
            #expect(Set(cache.expiries.entries.map(\.order)).isSuperset(of: unpaid), "from \(start)")
            #expect(cache.states.stocks == final.stocks && cache.states.catalogs == final.catalogs)
            for (id, order) in cache.states.orders { #expect(order == final.orders[id], "\(id) from \(start)") }
            for (id, payment) in cache.states.payments { #expect(payment == final.payments[id], "\(id) from \(start)") }
            for (id, shipment) in cache.states.shipments { #expect(shipment == final.shipments[id], "\(id) from \(start)") }
            for (id, afterSale) in cache.states.afterSales { #expect(afterSale == final.afterSales[id], "\(id) from \(start)") }
            for (id, member) in cache.states.members { #expect(member == final.members[id], "\(id) from \(start)") }
            for index in 0..<Self.orderCount {
                let id = try OrderID("o\(index)")
                #expect(cache.order(id) == final.order(id), "\(id) read back, from \(start)")
            }
        }
    }

    @Test
    func aCacheOfNothingIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: EngineError.self) {
            try OrderEngine(path: path, options: EngineOptions(durability: .none, cachedAggregateCountMax: 0), logger: quietLogger)
        }
    }

    static func same(_ left: Result<CommandOutcome, EngineError>, _ right: Result<CommandOutcome, EngineError>) -> Bool {
        switch (left, right) {
        case (.success(let left), .success(let right)): left.events == right.events && left.positions == right.positions
        case (.failure(let left), .failure(let right)): left == right
        default: false
        }
    }
}

/// Whole order lives for a small shop, issued in rounds (every order's first step, then every
/// order's second...) so that with a small cache each step finds its order let go since the last.
struct ShopScript {
    struct Step {
        var id = UUID()
        var command: DomainCommand
    }

    let clock: ManualClock
    let members: [MemberID] = ["m0", "m1", "m2", "m3"]

    private var now: Timestamp { Timestamp(microsecondsSince1970: clock.nowMicroseconds()) }
    private static let price = Money(minorUnits: 1_000, currency: .cny)
    private static let warehouse: WarehouseID = "w1"
    private static let item = StockItemID(sku: "hot", warehouse: warehouse)

    /// The steps, round by round, all stamped with the time they are made.
    func rounds() -> [[Step]] {
        let orders = (0..<BoundedStateTests.orderCount).map { try! OrderID("o\($0)") }
        let unit = [LineQuantity(sku: "hot", quantity: 1)]
        let address = PostalAddress(
            recipient: "Member", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000")
        var setUp: [Step] = [
            Step(command: .catalog("hot", .register(SKUDefinition(id: "hot", title: "Hot", price: Self.price, categoryPath: ["deals"]), at: now))),
            Step(command: .catalog("hot", .list(at: now))),
            Step(command: .stock(Self.item, .receive(quantity: 100, at: now))),
        ]
        for member in members { setUp.append(Step(command: .member(member, .register(MemberProfile(displayName: "\(member)"), at: now)))) }
        func each(_ make: (Int, OrderID) -> DomainCommand?) -> [Step] {
            orders.enumerated().compactMap { index, order in make(index, order).map { Step(command: $0) } }
        }
        func paid(_ index: Int) -> Bool { index % 6 < 4 }
        func payment(_ index: Int) -> PaymentID { try! PaymentID("p\(index)") }
        func parcel(_ index: Int) -> ShipmentID { try! ShipmentID("s\(index)") }
        func afterSale(_ index: Int) -> AfterSaleID { try! AfterSaleID("a\(index)") }
        return [
            setUp,
            each { index, order in
                .placeOrder(PlaceOrder(order: order, member: members[index % 4], lines: unit, shippingAddress: address, coupon: nil, pointsToRedeem: 0, at: now))
            },
            each { index, order in
                index % 6 == 4 ? .cancelOrder(order, reason: "changed my mind", at: now)
                    : paid(index) ? .authorizePayment(payment(index), order: order, method: .alipay, amount: Self.price, at: now) : nil
            },
            each { index, _ in paid(index) ? .payment(payment(index), .capture(amount: Self.price, at: now)) : nil },
            each { index, order in
                paid(index) ? .createShipment(parcel(index), order: order, warehouse: Self.warehouse, lines: unit, at: now) : nil
            },
            each { index, _ in paid(index) ? .shipment(parcel(index), .markShipped(at: now)) : nil },
            each { index, _ in paid(index) ? .shipment(parcel(index), .markDelivered(at: now)) : nil },
            each { index, order in
                guard paid(index) else { return nil }
                return index % 2 == 0
                    ? .requestAfterSale(afterSale(index), order: order, member: members[index % 4], kind: .return, lines: unit, reason: "too big", at: now)
                    : .completeOrder(order, at: now)
            },
            each { index, _ in paid(index) && index % 2 == 0 ? .afterSale(afterSale(index), .approve(at: now)) : nil },
            each { index, _ in
                paid(index) && index % 2 == 0
                    ? .afterSale(afterSale(index), .receiveGoods(warehouse: Self.warehouse, good: unit, damaged: [], at: now)) : nil
            },
            each { index, _ in paid(index) && index % 2 == 0 ? .refundAfterSale(afterSale(index), payment: payment(index), amount: Self.price, at: now) : nil },
            // Refusals that need what was let go: a placed id again, a second capture, cancelling a shipped order.
            each { index, order in
                switch index % 3 {
                case 0: .placeOrder(PlaceOrder(order: order, member: members[0], lines: unit, shippingAddress: address, coupon: nil, pointsToRedeem: 0, at: now))
                case 1: paid(index) ? .payment(payment(index), .capture(amount: Self.price, at: now)) : nil
                default: paid(index) ? .cancelOrder(order, reason: "too late", at: now) : nil
                }
            },
        ]
    }
}
