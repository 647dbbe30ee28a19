import Foundation
import OrderDomain
import Testing

@Suite struct CheckoutTests {
    @Test func placesAnOrderAndReservesStock() throws {
        var shop = try Shop.stocked()
        let events = try shop.run(shop.place("o1", [line("shirt", 2)]))
        #expect(events.map(\.typeTag) == [301, 205])
        #expect(events.map(\.streamId) == ["order-o1", "stock-shirt@w1"])
        let order = shop.states.order("o1")
        #expect(order.status == .awaitingPayment)
        #expect(order.placement?.totalDue == cny(19_800))
        #expect(order.placement?.paymentDueAt == at(10 + 30 * 60))
        #expect(shop.item("shirt", "w1").available == 8)
    }

    @Test func splitsALineAcrossWarehousesInIdOrder() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 12)]))
        #expect(shop.item("shirt", "w1").available == 0)
        #expect(shop.item("shirt", "w2").available == 3)
        #expect(shop.states.order("o1").placement?.allocations.map(\.quantity) == [10, 2])
    }

    @Test func refusesOversellAndWritesNothing() throws {
        var shop = try Shop.stocked()
        shop.refuse(.insufficientStock, shop.place("o1", [line("shirt", 16)]))
        shop.refuse(.insufficientStock, shop.place("o1", [line("hat", 1), line("shirt", 16)]))
    }

    @Test func anOversellRefusalSaysHowManyUnitsCanBeHad() throws {
        var shop = try Shop.stocked()
        let refusal: Refusal
        do {
            let events = try shop.run(shop.place("o1", [line("shirt", 16)]))
            Issue.record("expected a refusal, got \(events)")
            return
        } catch {
            refusal = error
        }
        let spelledOut = Refusal(.insufficientStock, "15 of 16 units of shirt available")
        #expect(refusal.message == spelledOut.message)
        #expect(refusal == spelledOut)
        #expect(refusal.hashValue == spelledOut.hashValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(refusal)
        #expect(String(decoding: json, as: UTF8.self) == #"{"code":"insufficient_stock","message":"15 of 16 units of shirt available"}"#)
        #expect(try JSONDecoder().decode(Refusal.self, from: json) == refusal)
    }

    @Test func backordersOnlySKUsThatAllowIt() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("hat", 5)]))
        let hat = shop.item("hat", "w1")
        #expect(hat.available == 0)
        #expect(hat.backordered == 2)
        #expect(
            shop.states.order("o1").placement?.allocations == [
                StockAllocation(item: StockItemID(sku: "hat", warehouse: "w1"), quantity: 5, backordered: 2)
            ])
    }

    @Test func refusesUnknownAndDelistedSKUs() throws {
        var shop = try Shop.stocked()
        shop.refuse(.unknownSKU, shop.place("o1", [line("ghost", 1)]))
        try shop.run(.catalog("hat", .delist(at: at(2))))
        shop.refuse(.skuDelisted, shop.place("o1", [line("hat", 1)]))
    }

    @Test func refusesBadRequests() throws {
        var shop = try Shop.stocked()
        shop.refuse(.validationFailed, shop.place("o1", []))
        shop.refuse(.validationFailed, shop.place("o1", [line("shirt", 0)]))
        shop.refuse(.validationFailed, shop.place("o1", [line("shirt", 1), line("shirt", 1)]))
        let tooMany = (0...Limits.orderLineCountMax).map { line(try! SKUID("s\($0)"), 1) }
        shop.refuse(.validationFailed, shop.place("o1", tooMany))
        shop.refuse(.notFound, shop.place("o1", [line("shirt", 1)], member: "nobody"))
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        shop.refuse(.alreadyExists, shop.place("o1", [line("shirt", 1)]))
    }

    @Test func refusesMixedCurrencies() throws {
        var shop = try Shop.stocked()
        let dollars = SKUDefinition(id: "cap", title: "Cap", price: usd(1_000), categoryPath: ["accessories"])
        try shop.run(.catalog("cap", .register(dollars, at: at(0))))
        try shop.run(.catalog("cap", .list(at: at(0))))
        try shop.run(.stock(StockItemID(sku: "cap", warehouse: "w1"), .receive(quantity: 5, at: at(1))))
        shop.refuse(.validationFailed, shop.place("o1", [line("shirt", 1), line("cap", 1)]))
    }

    @Test func refusesOverflowingTotals() throws {
        var shop = Shop()
        try shop.register("gold", price: Limits.amountMinorUnitsMax, path: ["luxury"])
        try shop.run(.stock(StockItemID(sku: "gold", warehouse: "w1"), .receive(quantity: 1_000, at: at(1))))
        try shop.run(.member("m1", .register(profile, at: at(1))))
        shop.refuse(.validationFailed, shop.place("o1", [line("gold", 1_000)]))
    }

    @Test func redeemsACouponAtomically() throws {
        var shop = try Shop.stocked()
        let events = try shop.run(shop.place("o1", [line("shirt", 1)], coupon: "TENOFF"))
        #expect(events.contains(.coupon("TENOFF", .redeemed(order: "o1", member: "m1", at: at(10)))))
        #expect(shop.states.order("o1").placement?.totalDue == cny(8_900))
        shop.refuse(.couponMemberLimitReached, shop.place("o2", [line("shirt", 1)], coupon: "TENOFF"))
        try shop.run(shop.place("o2", [line("shirt", 1)], member: "m2", coupon: "TENOFF"))
        try shop.run(.member("m3", .register(profile, at: at(1))))
        shop.refuse(.couponExhausted, shop.place("o3", [line("shirt", 1)], member: "m3", coupon: "TENOFF"))
    }

    @Test func refusesCouponsThatDoNotApply() throws {
        var shop = try Shop.stocked()
        shop.refuse(.couponNotApplicable, shop.place("o1", [line("shirt", 1)], coupon: "NOPE"))
        let hatsOnly = CouponDefinition(
            code: "HATS", discount: .fixed(cny(100)), minimumSpend: cny(0), validFrom: at(0), validUntil: at(1_000),
            scope: .skus(["hat"]), usageLimit: 10)
        try shop.run(.defineCoupon(hatsOnly, at: at(1)))
        shop.refuse(.couponNotApplicable, shop.place("o1", [line("shirt", 1)], coupon: "HATS"))
        shop.refuse(.couponNotApplicable, shop.place("o1", [line("shirt", 1)], coupon: "TENOFF", at: 5_000))
    }

    @Test func redeemsPointsAtTheConfiguredRate() throws {
        var shop = try Shop.stocked()
        shop.policy = DomainPolicy(pointsRedemptionRate: 2)
        try shop.run(shop.place("o1", [line("shirt", 1)], points: 601))
        let placement = try #require(shop.states.order("o1").placement)
        #expect(placement.pointsDiscount == cny(300))
        #expect(placement.pointsRedeemed == 600)
        #expect(shop.states.member("m1").pointsBalance == 400)
        shop.refuse(.insufficientPoints, shop.place("o2", [line("shirt", 1)], points: 1_000))
    }

    @Test func aFullyDiscountedOrderCommitsStockAtOnce() throws {
        var shop = try Shop.stocked()
        try shop.run(.member("m1", .earnPoints(order: "bonus", points: 10_000, at: at(2))))
        try shop.run(shop.place("o1", [line("hat", 1)], points: 1_000_000))
        #expect(shop.states.order("o1").status == .paid)
        #expect(shop.item("hat", "w1").committed == 1)
        #expect(shop.states.member("m1").pointsBalance == 6_000)
    }
}
