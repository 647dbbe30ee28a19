import OrderDomain
import Testing

@Suite struct OrderFlowTests {
    @Test func cancellingReleasesStockCouponAndPoints() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 12)], coupon: "TENOFF", points: 500))
        #expect(shop.states.member("m1").pointsBalance == 500)
        let events = try shop.run(.cancelOrder("o1", reason: "changed mind", at: at(15)))
        #expect(events.map(\.typeTag) == [305, 208, 208, 804, 712])
        #expect(shop.states.order("o1").status == .cancelled)
        #expect(shop.item("shirt", "w1").available == 10)
        #expect(shop.item("shirt", "w2").available == 5)
        #expect(shop.states.coupon("TENOFF").used == 0)
        #expect(shop.states.member("m1").pointsBalance == 1_000)
        shop.refuse(.invalidTransition, .cancelOrder("o1", reason: "again", at: at(16)))
    }

    @Test func cancellingAPaidOrderReleasesCommittedStockAndLeavesMoneyRefundable() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2)], payment: "p1")
        #expect(shop.item("shirt", "w1").committed == 2)
        try shop.run(.cancelOrder("o1", reason: "changed mind", at: at(30)))
        #expect(shop.item("shirt", "w1").available == 10)
        #expect(shop.states.order("o1").refundableMinorUnits == 19_800)
        try shop.run(.payment("p1", .refund(amount: cny(19_800), at: at(31))))
        #expect(shop.states.order("o1").refundableMinorUnits == 0)
    }

    @Test func expiryReleasesStockOfUnpaidOrdersOnlyAfterTheTimeout() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 3)], coupon: "TENOFF"))
        shop.refuse(.notYetExpired, .expireOrder("o1", at: at(10 + 1_799)))
        let events = try shop.run(.expireOrder("o1", at: at(10 + 1_800)))
        #expect(
            events.contains(
                .stock(
                    StockItemID(sku: "shirt", warehouse: "w1"),
                    .reservationReleased(
                        order: "o1", reserved: 3, committed: 0, backordered: 0, reason: .expired, at: at(1_810)))))
        #expect(shop.states.order("o1").status == .expired)
        #expect(shop.item("shirt", "w1").available == 10)
        #expect(shop.states.coupon("TENOFF").used == 0)
        shop.refuse(.invalidTransition, .expireOrder("o1", at: at(9_999)))
    }

    @Test func paidOrdersDoNotExpire() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 1)], payment: "p1")
        shop.refuse(.invalidTransition, .expireOrder("o1", at: at(99_999)))
    }

    @Test func holdsAndReleasesByStaff() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 1)], payment: "p1")
        try shop.run(.holdOrder("o1", reason: "address check", at: at(22)))
        shop.refuse(
            .orderOnHold, .createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 1)], at: at(23)))
        try shop.run(.releaseOrderHold("o1", at: at(24)))
        try shop.run(.createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 1)], at: at(25)))
    }

    @Test func completingADeliveredOrderEarnsPoints() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2)], payment: "p1")
        try shop.run(.createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 2)], at: at(30)))
        try shop.run(.shipment("s1", .assignCarrier(carrier: "SF", trackingNumber: "SF1", at: at(31))))
        try shop.run(.shipment("s1", .markShipped(at: at(32))))
        shop.refuse(.invalidTransition, .completeOrder("o1", at: at(33)))
        try shop.run(.shipment("s1", .markDelivered(at: at(40))))
        let events = try shop.run(.completeOrder("o1", at: at(50)))
        #expect(
            events == [
                .order("o1", .completed(pointsEarned: 198, at: at(50))),
                .member("m1", .pointsEarned(order: "o1", points: 198, at: at(50))),
            ])
        #expect(shop.states.member("m1").pointsBalance == 1_198)
        shop.refuse(.invalidTransition, .completeOrder("o1", at: at(51)))
    }
}
