import Foundation
import OrderDomain
import OrderEngine
import Testing

/// Every accepted command answers with the view of what it acted on, equal to what a query
/// returns right after it.
@Suite("Resulting views")
struct ResultingViewTests {
    @Test
    func eachAcceptedCommandCarriesTheViewAQueryWouldReturn() async throws {
        let fixture = try EngineFixture()
        let definition = SKUDefinition(id: "hot", title: "Hot", price: Money(minorUnits: 1_000, currency: .cny), categoryPath: ["deals"])
        let registered = try await fixture.run(.catalog("hot", .register(definition, at: fixture.now)))
        guard case .catalog("hot", let listing) = registered.view else { Issue.record("\(String(describing: registered.view))"); return }
        #expect(listing.definition == definition)

        let item = StockItemID(sku: "hot", warehouse: "w1")
        _ = try await fixture.run(.catalog("hot", .list(at: fixture.now)))
        let received = try await fixture.run(.stock(item, .receive(quantity: 7, at: fixture.now)))
        #expect(received.view == .stock(try fixture.engine.stock(sku: "hot")))
        guard case .stock(let stock) = received.view else { Issue.record("no stock view"); return }
        #expect(stock.total.onHand == 7 && stock.byWarehouse["w1"]?.onHand == 7)

        let member = try await fixture.run(.member("m0", .register(MemberProfile(displayName: "Ann"), at: fixture.now)))
        #expect(member.view == .member("m0", try #require(try fixture.engine.member("m0"))))

        let placed = try await fixture.run(try fixture.placeOrder("o1", member: 0, quantity: 2))
        let order = try #require(try fixture.engine.order("o1"))
        #expect(placed.view == .order(order))
        #expect(order.order.status == .awaitingPayment)

        let authorized = try await fixture.run(
            .authorizePayment("p1", order: "o1", method: .alipay, amount: Money(minorUnits: 2_000, currency: .cny), at: fixture.now))
        let captured = try await fixture.run(.payment("p1", .capture(amount: Money(minorUnits: 2_000, currency: .cny), at: fixture.now)))
        guard case .order(let paid) = captured.view else { Issue.record("no order view"); return }
        #expect(paid.order.status == .paid && paid.payments["p1"]?.capturedMinorUnits == 2_000)
        #expect(captured.view == .order(try #require(try fixture.engine.order("o1"))))
        #expect(authorized.view != captured.view)
    }

    @Test
    func aRepeatedCommandIdReturnsTheFirstEventsWithoutAView() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 5, members: 1)
        let id = UUID()
        let first = try await fixture.run(try fixture.placeOrder("o1", member: 0), id: id)
        let again = try await fixture.run(try fixture.placeOrder("o1", member: 0), id: id)
        #expect(first.view != nil && again.duplicate && again.view == nil && again.events == first.events)
    }
}
