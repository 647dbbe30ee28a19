import Foundation
import OrderEngine
import Testing

@Suite("Engine views")
struct EngineViewTests {
    @Test
    func servesOrderViewsWithPaymentsAndAMembersOrdersNewestFirstInPages() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 50, members: 2)
        for index in 0..<5 {
            fixture.clock.advance(seconds: 1)
            try await fixture.run(try fixture.placeOrder("o\(index)", member: 0))
        }
        try await fixture.run(try fixture.placeOrder("other", member: 1))
        let due = try #require(try fixture.engine.order("o2")?.order.placement?.totalDue)
        try await fixture.run(.authorizePayment("p2", order: "o2", method: .alipay, amount: due, at: fixture.now))
        try await fixture.run(.payment("p2", .capture(amount: due, at: fixture.now)))

        let view = try #require(try fixture.engine.order("o2"))
        #expect(view.order.status == .paid)
        #expect(view.payments["p2"]?.capturedMinorUnits == due.minorUnits)
        #expect(try fixture.engine.order("missing") == nil)

        let first = try fixture.engine.orders(of: "m0", limit: 2)
        #expect(first.orders.map(\.id) == ["o4", "o3"])
        let second = try fixture.engine.orders(of: "m0", after: first.nextCursor, limit: 2)
        #expect(second.orders.map(\.id) == ["o2", "o1"])
        let last = try fixture.engine.orders(of: "m0", after: second.nextCursor, limit: 2)
        #expect(last.orders.map(\.id) == ["o0"])
        #expect(last.nextCursor == nil)
        #expect(try fixture.engine.orders(of: "m1").orders.map(\.id) == ["other"])
        #expect(try fixture.engine.member("m0")?.profile?.displayName == "Member 0")
        #expect(try fixture.engine.member("nobody") == nil)
    }

    @Test
    func countsStockPerWarehouseAndPerSKUAndListsLowStock() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 10, members: 1)
        try await fixture.run(.stock(StockItemID(sku: "hot", warehouse: "w2"), .receive(quantity: 4, at: fixture.now)))
        try await fixture.run(try fixture.placeOrder("o1", member: 0, quantity: 12))
        let stock = try fixture.engine.stock(sku: "hot")
        #expect(stock.total.onHand == 14)
        #expect(stock.total.reserved == 12)
        #expect(stock.total.available == 2)
        #expect(stock.byWarehouse["w1"]?.reserved == 10)
        #expect(stock.byWarehouse["w2"]?.reserved == 2)
        #expect(try fixture.engine.lowStock(threshold: 2).map(\.sku) == ["hot"])
        #expect(try fixture.engine.lowStock(threshold: 1).isEmpty)

        try fixture.reopen()
        #expect(try fixture.engine.stock(sku: "hot") == stock)
    }

    @Test
    func aBatchThatCannotBeWrittenLeavesStateAsTheLogHasIt() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-full-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock()
        var engine = try OrderEngine(path: path, options: fullingUpOptions(clock: clock), logger: quietLogger)
        let at = Timestamp(microsecondsSince1970: clock.nowMicroseconds())
        let item = StockItemID(sku: "hot", warehouse: "w1")
        var received: Int64 = 0
        var failure: EngineError?
        while failure == nil && received < 1_000_000 {
            do {
                try await registerPaddedSKUAndReceiveOne(engine, sku: "sku-\(received)", item: item, at: at)
                received += 1
            } catch let error as EngineError {
                failure = error
            }
        }
        guard case .log(.storageFull) = failure else {
            Issue.record("expected storageFull, got \(String(describing: failure))")
            return
        }
        let counted = try engine.stock(item).onHand
        engine.close()
        engine = try OrderEngine(
            path: path, options: EngineOptions(durability: .none, mapSizeBytesMax: 1 << 30, clock: clock), logger: quietLogger)
        defer { engine.close() }
        #expect(try engine.stock(item).onHand == counted)
        _ = try await engine.execute(EngineCommand(actor: "staff:test", command: .stock(item, .receive(quantity: 1, at: at))))
        #expect(try engine.stock(item).onHand == counted + 1)
        #expect(try engine.log.verify().ok)
    }
}
