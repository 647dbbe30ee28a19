import OrderDomain
import Testing

@Suite struct ExchangeFlowTests {
    /// o1 delivered (2 shirts at 99.00, 1 hat at 50.00, paid by p1), and a hat received back
    /// under exchange a1 for a shirt, which costs 49.00 more.
    func owingShop() throws -> Shop {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2), line("hat", 1)], payment: "p1")
        try shop.deliverAll("o1")
        let kind = AfterSaleKind.exchange(replacements: [line("shirt", 1)])
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: kind, lines: [line("hat", 1)], reason: "prefer a shirt",
                at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(.afterSale("a1", .receiveGoods(warehouse: "w1", good: [line("hat", 1)], damaged: [], at: at(52))))
        return shop
    }

    @Test func aPositiveDifferenceIsChargedOnTheOrderAndHoldsTheReplacement() throws {
        var shop = try owingShop()
        let events = try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        #expect(events.contains(.afterSale("a1", .differenceOwed(amount: cny(4_900), at: at(53)))))
        #expect(events.contains(.order("o1", .chargeAdded(afterSale: "a1", amount: cny(4_900), at: at(53)))))
        #expect(shop.states.afterSale("a1").status == .awaitingDifference)
        #expect(shop.states.order("o1").amountDueMinorUnits == 29_700)
        #expect(shop.item("shirt", "w1").committed == 1)
        try shop.run(.shipment("r1", .assignCarrier(carrier: "SF", trackingNumber: "R1", at: at(54))))
        shop.refuse(.priceDifferenceUnpaid, .shipment("r1", .markShipped(at: at(55))))
        shop.refuse(.invalidTransition, .afterSale("a1", .close(at: at(55))))
        shop.refuse(.invalidTransition, .refundAfterSale("a1", payment: "p1", amount: cny(5_000), at: at(55)))
    }

    @Test func payingTheDifferenceThroughAPaymentLetsTheReplacementShip() throws {
        var shop = try owingShop()
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        shop.refuse(
            .amountExceedsDue, .authorizePayment("p2", order: "o1", method: .card, amount: cny(4_901), at: at(54)))
        shop.refuse(
            .currencyMismatch, .authorizePayment("p2", order: "o1", method: .card, amount: usd(4_900), at: at(54)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        #expect(shop.states.payment("p2").amountDueMinorUnits == 4_900)
        let captured = try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(55))))
        #expect(captured.contains(.order("o1", .chargePaid(afterSale: "a1", at: at(55)))))
        #expect(captured.contains(.afterSale("a1", .differencePaid(amount: cny(4_900), at: at(55)))))
        #expect(shop.states.afterSale("a1").status == .resolved)
        #expect(shop.states.order("o1").refundableMinorUnits == 29_700)
        shop.refuse(.invalidTransition, .authorizePayment("p3", order: "o1", method: .card, amount: cny(1), at: at(56)))
        shop.refuse(.invalidTransition, .afterSale("a1", .close(at: at(56))))
        try shop.run(.shipment("r1", .assignCarrier(carrier: "SF", trackingNumber: "R1", at: at(56))))
        try shop.run(.shipment("r1", .markShipped(at: at(57))))
        #expect(shop.item("shirt", "w1").onHand == 7)
        try shop.run(.afterSale("a1", .close(at: at(58))))
        checkInvariants(shop.states)
    }

    @Test func nothingIsAuthorizedOnADeliveredOrderThatOwesNothing() throws {
        var shop = try owingShop()
        shop.refuse(.invalidTransition, .authorizePayment("p2", order: "o1", method: .card, amount: cny(1), at: at(53)))
    }

    @Test func cancellingAnUnpaidReplacementReleasesStockDropsTheChargeAndAllowsARefund() throws {
        var shop = try owingShop()
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        let events = try shop.run(.shipment("r1", .cancel(reason: "buyer never paid", at: at(60))))
        #expect(
            events.contains(
                .stock(
                    StockItemID(sku: "shirt", warehouse: "w1"),
                    .replacementReleased(order: "o1", afterSale: "a1", quantity: 1, at: at(60)))))
        #expect(events.contains(.order("o1", .chargeCancelled(afterSale: "a1", at: at(60)))))
        #expect(shop.item("shirt", "w1").committed == 0)
        #expect(shop.item("shirt", "w1").available == 8)
        #expect(shop.states.order("o1").amountDueMinorUnits == 24_800)
        #expect(shop.states.afterSale("a1").status == .goodsReceived)
        shop.refuse(.invalidTransition, .afterSale("a1", .close(at: at(61))))
        shop.refuse(.amountExceedsRefundable, .refundAfterSale("a1", payment: "p1", amount: cny(5_001), at: at(61)))
        try shop.run(.refundAfterSale("a1", payment: "p1", amount: cny(5_000), at: at(61)))
        try shop.run(.afterSale("a1", .close(at: at(62))))
        checkInvariants(shop.states)
    }

    @Test func aReplacementArrangedAgainKeepsTheQuoteAndChargesOnlyOnce() throws {
        var shop = try owingShop()
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(55))))
        try shop.run(.catalog("shirt", .changePrice(cny(19_900), at: at(56))))
        try shop.run(.shipment("r1", .cancel(reason: "damaged in the warehouse", at: at(57))))
        #expect(shop.states.order("o1").charges.map(\.paid) == [true])
        let again = try shop.run(.arrangeReplacement("a1", shipment: "r2", warehouse: "w2", at: at(58)))
        #expect(
            again.contains(
                .afterSale("a1", .replacementArranged(shipment: "r2", priceDifference: cny(4_900), at: at(58)))))
        #expect(!again.contains { $0.typeTag == 316 || $0.typeTag == 609 })
        #expect(shop.states.afterSale("a1").status == .resolved)
        #expect(shop.item("shirt", "w2").committed == 1)
        checkInvariants(shop.states)
    }

    @Test func aRefundInsteadOfAPaidReplacementGivesTheDifferenceBackToo() throws {
        var shop = try owingShop()
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(55))))
        try shop.run(.shipment("r1", .cancel(reason: "out of stock", at: at(56))))
        shop.refuse(.amountExceedsRefundable, .refundAfterSale("a1", payment: "p1", amount: cny(9_901), at: at(57)))
        try shop.run(.refundAfterSale("a1", payment: "p1", amount: cny(9_900), at: at(57)))
        checkInvariants(shop.states)
    }

    @Test func aNegativeDifferenceIsRefundedOnceEvenIfTheReplacementIsArrangedAgain() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2), line("hat", 1)], payment: "p1")
        try shop.deliverAll("o1")
        let kind = AfterSaleKind.exchange(replacements: [line("hat", 1)])
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: kind, lines: [line("shirt", 1)], reason: "x", at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(
            .afterSale("a1", .receiveGoods(warehouse: "w1", good: [line("shirt", 1)], damaged: [], at: at(52))))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.shipment("r1", .cancel(reason: "x", at: at(54))))
        #expect(shop.item("hat", "w1").committed == 0)
        let again = try shop.run(.arrangeReplacement("a1", shipment: "r2", warehouse: "w1", at: at(55)))
        #expect(!again.contains { $0.typeTag == 404 })
        #expect(shop.states.payment("p1").refundedMinorUnits == 4_900)
        try shop.run(.shipment("r2", .cancel(reason: "x", at: at(56))))
        shop.refuse(.amountExceedsRefundable, .refundAfterSale("a1", payment: "p1", amount: cny(5_001), at: at(57)))
        try shop.run(.refundAfterSale("a1", payment: "p1", amount: cny(5_000), at: at(57)))
        checkInvariants(shop.states)
    }

    @Test func aCancelledClaimReplacementCanBeWithdrawn() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2), line("hat", 1)], payment: "p1")
        try shop.deliverAll("o1")
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .claim(.missing), lines: [line("hat", 1)], reason: "x",
                at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(52)))
        shop.refuse(.invalidTransition, .afterSale("a1", .close(at: at(53))))
        try shop.run(.shipment("r1", .cancel(reason: "found in the box", at: at(53))))
        #expect(shop.states.afterSale("a1").status == .approved)
        #expect(shop.item("hat", "w1").committed == 0)
        try shop.run(.afterSale("a1", .close(at: at(54))))
        #expect(shop.states.order("o1").returns.isEmpty)
    }

    @Test func aReplacementForAHeldOrderDoesNotShip() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2), line("hat", 1)], payment: "p1")
        try shop.deliverAll("o1")
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .claim(.damaged), lines: [line("hat", 1)], reason: "x",
                at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(52)))
        try shop.run(.shipment("r1", .assignCarrier(carrier: "SF", trackingNumber: "R1", at: at(53))))
        try shop.run(.holdOrder("o1", reason: "fraud check", at: at(53)))
        shop.refuse(.orderOnHold, .shipment("r1", .markShipped(at: at(54))))
        try shop.run(.releaseOrderHold("o1", at: at(55)))
        try shop.run(.shipment("r1", .markShipped(at: at(56))))
    }

    @Test func cancellingAReplacementVoidsThePaymentOpenedForItsCharge() throws {
        var shop = try owingShop()
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        let events = try shop.run(.shipment("r1", .cancel(reason: "out of stock", at: at(55))))
        #expect(events.contains(.payment("p2", .voided(at: at(55)))))
        #expect(events.contains(.order("o1", .authorizationReleased(payment: "p2", amount: cny(4_900), at: at(55)))))
        #expect(shop.states.order("o1").openAuthorizedMinorUnits == 24_800)
        shop.refuse(.invalidTransition, .payment("p2", .capture(amount: cny(4_900), at: at(56))))
        checkInvariants(shop.states)
    }
}

extension ExchangeFlowTests {
    @Test func aChargePaidAfterCompletionEarnsPointsAtTheSameRate() throws {
        var shop = try owingShop()
        try shop.run(.completeOrder("o1", at: at(52)))
        #expect(shop.states.member("m1").pointsBalance == 1_248)
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        let events = try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(55))))
        #expect(events.contains(.order("o1", .chargePointsEarned(afterSale: "a1", points: 49, at: at(55)))))
        #expect(events.contains(.member("m1", .pointsEarned(order: "o1", points: 49, at: at(55)))))
        #expect(shop.states.member("m1").pointsBalance == 1_297)
        #expect(shop.states.order("o1").pointsEarned == 297)
        checkInvariants(shop.states)
    }

    @Test func aChargePaidBeforeCompletionCountsOnlyAtCompletion() throws {
        var shop = try owingShop()
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        let events = try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(55))))
        #expect(!events.contains { $0.typeTag == 322 || $0.typeTag == 710 })
        try shop.run(.completeOrder("o1", at: at(56)))
        #expect(shop.states.order("o1").pointsEarned == 297)
        #expect(shop.states.member("m1").pointsBalance == 1_297)
    }

    @Test func refundingALateChargeReversesItsPointsToo() throws {
        var shop = try owingShop()
        try shop.run(.completeOrder("o1", at: at(52)))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(54)))
        try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(55))))
        try shop.run(.payment("p1", .refund(amount: cny(24_800), at: at(56))))
        try shop.run(.payment("p2", .refund(amount: cny(4_900), at: at(57))))
        #expect(shop.states.order("o1").pointsReversed == 297)
        #expect(shop.states.member("m1").pointsBalance == 1_000)
    }
}
