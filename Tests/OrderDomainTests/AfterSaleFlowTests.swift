import OrderDomain
import Testing

@Suite struct AfterSaleFlowTests {
    func deliveredShop() throws -> Shop {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2), line("hat", 1)], payment: "p1")
        try shop.deliverAll("o1")
        return shop
    }

    @Test func returnsRestockGoodUnitsWriteOffDamagedOnesAndRefund() throws {
        var shop = try deliveredShop()
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .return, lines: [line("shirt", 2)], reason: "too big", at: at(50)
            ))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(
            .afterSale(
                "a1", .receiveGoods(warehouse: "w1", good: [line("shirt", 1)], damaged: [line("shirt", 1)], at: at(52)))
        )
        #expect(shop.item("shirt", "w1").onHand == 9)
        #expect(shop.item("shirt", "w1").damaged == 1)
        shop.refuse(.amountExceedsRefundable, .refundAfterSale("a1", payment: "p1", amount: cny(24_801), at: at(53)))
        try shop.run(.refundAfterSale("a1", payment: "p1", amount: cny(19_800), at: at(53)))
        #expect(shop.states.order("o1").refundableMinorUnits == 5_000)
        #expect(shop.states.payment("p1").refundedMinorUnits == 19_800)
        #expect(shop.states.afterSale("a1").status == .resolved)
        try shop.run(.afterSale("a1", .close(at: at(54))))
        #expect(shop.states.afterSale("a1").status == .closed)
    }

    @Test func aLineIsNeverReturnedTwiceBeyondWhatWasDelivered() throws {
        var shop = try deliveredShop()
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .return, lines: [line("shirt", 2)], reason: "x", at: at(50)))
        shop.refuse(
            .returnExceedsDelivered,
            .requestAfterSale(
                "a2", order: "o1", member: "m1", kind: .claim(.damaged), lines: [line("shirt", 1)], reason: "x",
                at: at(51)))
        try shop.run(.afterSale("a1", .decline(reason: "worn", at: at(52))))
        try shop.run(
            .requestAfterSale(
                "a2", order: "o1", member: "m1", kind: .claim(.damaged), lines: [line("shirt", 1)], reason: "x",
                at: at(53)))
        shop.refuse(
            .validationFailed,
            .requestAfterSale(
                "a3", order: "o1", member: "m2", kind: .return, lines: [line("hat", 1)], reason: "x", at: at(54)))
    }

    @Test func withdrawingAnOpenCaseGivesItsUnitsBack() throws {
        var shop = try deliveredShop()
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .return, lines: [line("hat", 1)], reason: "x", at: at(50)))
        try shop.run(.afterSale("a1", .close(at: at(51))))
        #expect(shop.states.order("o1").returns.isEmpty)
    }

    @Test func exchangesRefundANegativePriceDifference() throws {
        var shop = try deliveredShop()
        let kind = AfterSaleKind.exchange(replacements: [line("hat", 1)])
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: kind, lines: [line("shirt", 1)], reason: "prefer a hat",
                at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(
            .afterSale("a1", .receiveGoods(warehouse: "w1", good: [line("shirt", 1)], damaged: [], at: at(52))))
        let events = try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        #expect(events.contains(.payment("p1", .refunded(amount: cny(4_900), at: at(53)))))
        #expect(shop.states.afterSale("a1").priceDifference == cny(-4_900))
        #expect(shop.states.shipment("r1").kind == .replacement("a1"))
        #expect(shop.item("hat", "w1").committed == 1)
        try shop.run(.shipment("r1", .assignCarrier(carrier: "SF", trackingNumber: "R1", at: at(54))))
        try shop.run(.shipment("r1", .markShipped(at: at(55))))
        #expect(shop.item("hat", "w1").onHand == 1)
        #expect(shop.states.order("o1").status == .delivered)
    }

    @Test func claimsResolveByReplacementWithoutGoods() throws {
        var shop = try deliveredShop()
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .claim(.missing), lines: [line("hat", 1)], reason: "not in box",
                at: at(50)))
        shop.refuse(.invalidTransition, .arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(51)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(52)))
        #expect(shop.states.afterSale("a1").status == .resolved)
        #expect(shop.states.shipment("r1").lines == [line("hat", 1)])
    }

    @Test func claimsResolveByRefund() throws {
        var shop = try deliveredShop()
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .claim(.wrong), lines: [line("hat", 1)], reason: "blue not red",
                at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        shop.refuse(.validationFailed, .refundAfterSale("a1", payment: "nope", amount: cny(5_000), at: at(52)))
        try shop.run(.refundAfterSale("a1", payment: "p1", amount: cny(5_000), at: at(52)))
        #expect(shop.states.order("o1").refundableMinorUnits == 19_800)
    }

    @Test func replacementsNeedStock() throws {
        var shop = try deliveredShop()
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .claim(.missing), lines: [line("shirt", 2)], reason: "x",
                at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        shop.refuse(.insufficientStock, .arrangeReplacement("a1", shipment: "r1", warehouse: "w9", at: at(52)))
    }
}
