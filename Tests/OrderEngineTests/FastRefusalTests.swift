import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

/// Placements of a SKU sold out in the durable log are refused on the caller's thread. These
/// tests hold that such an answer is the sequencer's own, that a command id keeps one outcome
/// whichever path answered it, and that a restock lets buyers in again at once.
@Suite struct FastRefusalTests {
    /// Sells the hot SKU's `units` out and refuses placements through the sequencer until the
    /// gate is open (the batch that found it sold out is settled by the next one).
    private func soldOut(units: Int64 = 2) async throws -> EngineFixture {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: units, members: 3)
        for index in 0..<Int(units) { try await fixture.run(try fixture.placeOrder("sold\(index)", member: 0)) }
        for index in 0..<2 {
            await #expect(throws: EngineError.self) { try await fixture.run(try fixture.placeOrder("opening\(index)", member: 1)) }
        }
        return fixture
    }

    /// One unit of the hot SKU for `member`, who need not be one of the fixture's.
    private func placement(_ order: String, member: String, coupon: CouponCode? = nil, at: Timestamp) throws -> PlaceOrder {
        PlaceOrder(
            order: try OrderID(order), member: try MemberID(member), lines: [LineQuantity(sku: "hot", quantity: 1)],
            shippingAddress: PostalAddress(
                recipient: "N", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000"),
            coupon: coupon, at: at)
    }

    private func refusal(_ body: () async throws -> Void) async -> Refusal? {
        do {
            try await body()
            return nil
        } catch EngineError.refused(let refusal) {
            return refusal
        } catch {
            Issue.record("expected a refusal, got \(error)")
            return nil
        }
    }

    @Test func aSoldOutPlacementIsRefusedWithoutTheSequencerAndWithItsRefusal() async throws {
        let fixture = try await soldOut()
        let before = fixture.engine.statistics
        #expect(before.fastRefusalCount == 0)
        let fast = await refusal { try await fixture.run(try fixture.placeOrder("fast", member: 2)) }
        let after = fixture.engine.statistics
        #expect(after.fastRefusalCount == 1)
        #expect(after.commandCount == before.commandCount, "the sequencer decided nothing")
        #expect(fast?.code == .insufficientStock)
        // The sequencer's own refusal of the same placement, for comparison: behind a command
        // that only the sequencer decides, in one submission.
        let listed = EngineCommand(actor: "staff:test", command: .catalog("hot", .list(at: fixture.now)))
        let slow = EngineCommand(actor: "staff:test", command: try fixture.placeOrder("slow", member: 2))
        let sequencer = await refusal { _ = try await fixture.engine.execute(contentsOf: [listed, slow])[1].get() }
        #expect(fixture.engine.statistics.commandCount == after.commandCount + 2)
        #expect(fast == sequencer)
        #expect(fast?.message == "0 of 1 units of hot available")
        #expect(try fixture.engine.order(try OrderID("fast")) == nil)
    }

    @Test func aRetriedAcceptedCommandGetsItsFirstOutcome() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 1, members: 2)
        let id = UUID()
        let first = try await fixture.run(try fixture.placeOrder("bought", member: 0), id: id)
        for index in 0..<3 {
            await #expect(throws: EngineError.self) { try await fixture.run(try fixture.placeOrder("late\(index)", member: 1)) }
        }
        #expect(fixture.engine.statistics.fastRefusalCount > 0, "the gate is open")
        let again = try await fixture.run(try fixture.placeOrder("bought", member: 0), id: id)
        #expect(again.duplicate)
        #expect(again.positions == first.positions)
    }

    @Test func aFastRefusalIsTheAnswerToItsCommandIdAfterARestock() async throws {
        let fixture = try await soldOut()
        let id = UUID()
        let refused = await refusal { try await fixture.run(try fixture.placeOrder("wanted", member: 2), id: id) }
        #expect(fixture.engine.statistics.fastRefusalCount == 1)
        try await fixture.run(.stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: 5, at: fixture.now)))
        let retried = await refusal { try await fixture.run(try fixture.placeOrder("wanted", member: 2), id: id) }
        #expect(retried == refused && retried != nil)
        #expect(try fixture.engine.order(try OrderID("wanted")) == nil)
        // The restock closed the gate before it was written: the next buyer gets a unit.
        let bought = try await fixture.run(try fixture.placeOrder("restocked", member: 2))
        #expect(!bought.events.isEmpty)
        #expect(fixture.engine.statistics.fastRefusalCount == 1)
    }

    @Test func aRefusalOfTheSequencerIsNotReplacedByAFastOne() async throws {
        let fixture = try await soldOut()
        // Refused by the sequencer for an unknown member, then retried once the member exists.
        let id = UUID()
        let unknown = try placement("stranger", member: "newcomer", at: fixture.now)
        let first = await refusal { try await fixture.run(.placeOrder(unknown), id: id) }
        #expect(first?.code == .notFound)
        try await fixture.run(.member(try MemberID("newcomer"), .register(MemberProfile(displayName: "New"), at: fixture.now)))
        let again = await refusal { try await fixture.run(.placeOrder(unknown), id: id) }
        #expect(again == first)
    }

    @Test func whatTheGateCannotDecideGoesToTheSequencer() async throws {
        let fixture = try await soldOut()
        let counted = fixture.engine.statistics.fastRefusalCount
        // A taken order id, an unregistered member, a coupon: each the sequencer's refusal.
        let taken = await refusal { try await fixture.run(try fixture.placeOrder("sold0", member: 2)) }
        #expect(taken?.code == .alreadyExists)
        let stranger = await refusal { try await fixture.run(.placeOrder(try placement("x1", member: "nobody", at: fixture.now))) }
        #expect(stranger?.code == .notFound)
        let withCoupon = await refusal {
            try await fixture.run(.placeOrder(try placement("x2", member: "m2", coupon: try CouponCode("NOPE"), at: fixture.now)))
        }
        #expect(withCoupon != nil && withCoupon?.code != .insufficientStock)
        #expect(fixture.engine.statistics.fastRefusalCount == counted)
    }

    @Test func concurrentCopiesOfOneCommandGetOneOutcome() async throws {
        let fixture = try await soldOut()
        let engine = fixture.engine
        let id = UUID()
        let command = EngineCommand(id: id, actor: "member:m2", command: try fixture.placeOrder("raced", member: 2))
        let restock = EngineCommand(
            actor: "staff:test", command: .stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: 1, at: fixture.now)))
        let outcomes = await withTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask {
                    if index == 32 { _ = try? await engine.execute(restock) }
                    do {
                        let outcome = try await engine.execute(command)
                        return "accepted \(outcome.positions)"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            var outcomes: Set<String> = []
            for await outcome in group { outcomes.insert(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 1, "one command id, one outcome: \(outcomes)")
    }

    @Test func aSellOutThatCannotBeWrittenOpensNoGate() async throws {
        let fixture = try EngineFixture(adjust: { options in
            options.mapSizeBytesInitial = 1 << 20
            options.mapSizeBytesMax = 1 << 20
        })
        try await fixture.stockHotSKU(units: 1, members: 1)
        // The sales projection commits on its own; stopped, the log's free space moves with the
        // sequencer's commits alone.
        fixture.engine.sales.stop()
        // Fill the log until a write fails; batches that write nothing still succeed.
        var filled = 0
        while filled < 100_000 {
            do {
                try await registerPaddedSKUAndReceiveOne(
                    fixture.engine, sku: "pad-\(filled)", item: StockItemID(sku: "pad", warehouse: "w1"), at: fixture.now)
                filled += 1
            } catch {
                break
            }
        }
        // Then with smaller writes, until even one unit received cannot be written.
        let padding = EngineCommand(
            actor: "staff:test", command: .stock(StockItemID(sku: "pad", warehouse: "w1"), .receive(quantity: 1, at: fixture.now)))
        for _ in 0..<100_000 {
            do {
                _ = try await fixture.engine.execute(EngineCommand(actor: padding.actor, command: padding.command))
            } catch {
                break
            }
        }
        // An empty batch settles the failed one, so the next batch is decided and written alone.
        await fixture.engine.expireDueOrders()
        // One batch: the unit that could not be written, the last unit of the hot SKU taken, then
        // a buyer refused because it is gone. It writes all the failed batch did and more, so it
        // fails too: the SKU was never sold out in the log.
        let batch = try [padding]
            + ["last", "refused"].map { order in
                EngineCommand(actor: "member:m0", command: try fixture.placeOrder(order, member: 0))
            }
        let outcomes = await fixture.engine.execute(contentsOf: batch)
        for outcome in outcomes {
            guard case .failure(.log(.storageFull)) = outcome else {
                Issue.record("the sell-out batch was to fail for want of space, got \(outcome)")
                return
            }
        }
        // Later buyers are decided by the sequencer against the log, which still has the unit.
        for order in ["after1", "after2", "after3"] {
            await #expect(throws: EngineError.log(.storageFull(mapSizeBytes: 1 << 20))) {
                try await fixture.run(try fixture.placeOrder(order, member: 0))
            }
        }
        #expect(fixture.engine.statistics.fastRefusalCount == 0)
        #expect(try fixture.engine.stock(sku: "hot").total.available == 1)
    }

    @Test func aSubmissionIsRefusedOnTheCallersThreadUpToItsFirstOtherCommand() async throws {
        let fixture = try await soldOut()
        let counted = fixture.engine.statistics.fastRefusalCount
        let restock = EngineCommand(
            actor: "staff:test", command: .stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: 1, at: fixture.now)))
        let commands = try ["a", "b"].map { EngineCommand(actor: "member:m2", command: try fixture.placeOrder($0, member: 2)) }
            + [restock] + [EngineCommand(actor: "member:m2", command: try fixture.placeOrder("c", member: 2))]
        let outcomes = await fixture.engine.execute(contentsOf: commands)
        #expect(outcomes.count == 4)
        for outcome in outcomes.prefix(2) {
            guard case .failure(.refused(let refusal)) = outcome else {
                Issue.record("a sold-out placement got \(outcome)")
                continue
            }
            #expect(refusal.code == .insufficientStock)
        }
        #expect(fixture.engine.statistics.fastRefusalCount == counted + 2)
        // The placement after the restock sees it: the sequencer decides the rest in order.
        #expect((try? outcomes[2].get()) != nil)
        #expect((try? outcomes[3].get())?.events.isEmpty == false)
    }
}
