import Foundation
import OrderEngine
import Testing

@Suite("Engine")
struct EngineTests {
    @Test
    func hundredsOfConcurrentBuyersNeverOversellAndEveryAcknowledgedOrderSurvivesReopen() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 150, members: 10)
        let buyers = 400
        let commands = try (0..<buyers).map { EngineCommand(actor: "member:m\($0 % 10)", command: try fixture.placeOrder("o\($0)", member: $0 % 10)) }
        let engine = fixture.engine
        let outcomes = await withTaskGroup(of: (EngineCommand, Result<CommandOutcome, EngineError>).self) { group in
            for command in commands {
                group.addTask { (command, await engine.execute(contentsOf: [command])[0]) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let accepted = outcomes.filter { (try? $0.1.get()) != nil }
        let refused = outcomes.compactMap { outcome -> Refusal? in
            if case .failure(.refused(let refusal)) = outcome.1 { return refusal }
            return nil
        }
        #expect(accepted.count == 150)
        #expect(refused.count == buyers - 150)
        #expect(refused.allSatisfy { $0.code == .insufficientStock })
        let counts = try engine.stock(StockItemID(sku: "hot", warehouse: "w1"))
        #expect(counts.reserved == 150)
        #expect(counts.available == 0)

        try fixture.reopen()
        for (command, _) in accepted {
            let again = try await fixture.engine.execute(command)
            #expect(again.duplicate)
        }
        #expect(try fixture.engine.stock(sku: "hot").total.available == 0)
        #expect(try fixture.engine.log.verify().ok)
    }

    @Test
    func aRetriedCommandGetsItsFirstOutcomeAndChangesNothing() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 1, members: 2)
        let first = EngineCommand(actor: "member:m0", command: try fixture.placeOrder("o1", member: 0))
        let accepted = try await fixture.engine.execute(first)
        let retried = try await fixture.engine.execute(first)
        #expect(retried.duplicate)
        #expect(retried.events == accepted.events)
        #expect(retried.positions == accepted.positions)

        let late = EngineCommand(actor: "member:m1", command: try fixture.placeOrder("o2", member: 1))
        await #expect(throws: EngineError.self) { try await fixture.engine.execute(late) }
        let lastPosition = try fixture.engine.log.lastPosition()
        do {
            _ = try await fixture.engine.execute(late)
            Issue.record("a refused command was accepted on retry")
        } catch .refused(let refusal) {
            #expect(refusal.code == .insufficientStock)
        }
        #expect(try fixture.engine.log.lastPosition() == lastPosition)
    }

    @Test
    func refusesBadCommandsWithTypedErrorsAndWritesNothing() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 5, members: 1)
        let before = try fixture.engine.log.lastPosition()
        let bad: [DomainCommand] = [
            try fixture.placeOrder("o1", member: 0, quantity: 0),
            try fixture.placeOrder("o2", member: 0, quantity: -3),
            try fixture.placeOrder("o3", member: 7),
            .cancelOrder("nope", reason: "test", at: fixture.now),
            .stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: -1, at: fixture.now)),
        ]
        for command in bad {
            do {
                try await fixture.run(command)
                Issue.record("accepted \(command)")
            } catch {
                guard case .refused = error as? EngineError else {
                    Issue.record("expected a refusal, got \(error)")
                    continue
                }
            }
        }
        #expect(try fixture.engine.log.lastPosition() == before)
        #expect(try fixture.engine.stock(StockItemID(sku: "hot", warehouse: "w1")).available == 5)
    }
}

@Suite("Engine expiry")
struct EngineExpiryTests {
    @Test
    func expiresUnpaidOrdersPastTheirDeadlineAndReleasesTheirStock() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 5, members: 2)
        try await fixture.run(try fixture.placeOrder("late", member: 0, quantity: 3))
        fixture.clock.advance(seconds: 60)
        try await fixture.run(try fixture.placeOrder("paid", member: 1, quantity: 1))
        let due = try #require(try fixture.engine.order("paid")?.order.placement?.totalDue)
        try await fixture.run(.authorizePayment("p1", order: "paid", method: .wechatPay, amount: due, at: fixture.now))
        try await fixture.run(.payment("p1", .capture(amount: due, at: fixture.now)))
        #expect(try fixture.engine.stock(sku: "hot").total.available == 1)

        fixture.clock.advance(seconds: 28 * 60)
        await fixture.engine.expireDueOrders()
        #expect(try fixture.engine.order("late")?.order.status == .awaitingPayment)

        fixture.clock.advance(seconds: 2 * 60)
        await fixture.engine.expireDueOrders()
        #expect(try fixture.engine.order("late")?.order.status == .expired)
        #expect(try fixture.engine.order("paid")?.order.status == .paid)
        #expect(try fixture.engine.stock(sku: "hot").total.available == 4)

        try fixture.reopen()
        await fixture.engine.expireDueOrders()
        #expect(try fixture.engine.order("late")?.order.status == .expired)
        #expect(try ProjectionAudit.replay(fixture.engine.log).matchesStoredProjections == true)
    }
}

@Suite("Engine no-op commands")
struct EngineNoOpTests {
    @Test
    func acceptsACommandThatChangesNothingWithoutWriting() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 2, members: 1)
        try await fixture.run(try fixture.placeOrder("o1", member: 0))
        let due = try #require(try fixture.engine.order("o1")?.order.placement?.totalDue)
        try await fixture.run(.authorizePayment("p1", order: "o1", method: .alipay, amount: due, at: fixture.now))
        try await fixture.run(.payment("p1", .recordCallback(providerEvent: "evt-1", outcome: .captured(due), at: fixture.now)))
        let before = try fixture.engine.log.lastPosition()
        let repeated = try await fixture.run(.payment("p1", .recordCallback(providerEvent: "evt-1", outcome: .captured(due), at: fixture.now)))
        #expect(repeated.events.isEmpty)
        #expect(repeated.positions.isEmpty)
        #expect(try fixture.engine.log.lastPosition() == before)
        #expect(try fixture.engine.order("o1")?.order.status == .paid)
    }
}
