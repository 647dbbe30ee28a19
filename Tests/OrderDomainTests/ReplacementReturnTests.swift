import OrderDomain
import Testing

@Suite struct ReplacementReturnTests {
    /// o1 (2 shirts, 1 hat) delivered and paid by p1, with one shirt claimed as damaged under
    /// a1 and its replacement parcel r1 arranged from w1.
    func replacingShop() throws -> Shop {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2), line("hat", 1)], payment: "p1")
        try shop.deliverAll("o1")
        try requestClaim(&shop, "a1", [line("shirt", 1)], at: 50)
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(52)))
        try shop.run(.shipment("r1", .assignCarrier(carrier: "SF", trackingNumber: "R1", at: at(53))))
        try shop.run(.shipment("r1", .markShipped(at: at(54))))
        return shop
    }

    func requestClaim(_ shop: inout Shop, _ id: AfterSaleID, _ lines: [LineQuantity], at time: Int64) throws {
        try shop.run(
            .requestAfterSale(
                id, order: "o1", member: "m1", kind: .claim(.damaged), lines: lines, reason: "broken", at: at(time)))
    }

    func claim(_ id: AfterSaleID, _ lines: [LineQuantity], at time: Int64) -> DomainCommand {
        .requestAfterSale(
            id, order: "o1", member: "m1", kind: .claim(.damaged), lines: lines, reason: "broken", at: at(time))
    }

    @Test func aDeliveredReplacementCountsAsDelivered() throws {
        var shop = try replacingShop()
        shop.refuse(.returnExceedsDelivered, claim("a2", [line("shirt", 2)], at: 55))
        let events = try shop.run(.shipment("r1", .markDelivered(at: at(56))))
        #expect(
            events.contains(
                .order(
                    "o1",
                    .replacementDelivered(afterSale: "a1", shipment: "r1", lines: [line("shirt", 1)], at: at(56)))))
        #expect(shop.states.order("o1").deliveredQuantity("shirt") == 3)
        #expect(shop.states.order("o1").status == .delivered)
        try shop.run(claim("a2", [line("shirt", 2)], at: 57))
        checkInvariants(shop.states)
    }

    @Test func aFaultyReplacementCanBeClaimedAndReplacedAgain() throws {
        var shop = try replacingShop()
        try shop.run(.shipment("r1", .markDelivered(at: at(56))))
        try shop.run(.afterSale("a1", .close(at: at(57))))
        try shop.run(claim("a2", [line("shirt", 2)], at: 58))
        try shop.run(.afterSale("a2", .approve(at: at(59))))
        try shop.run(.arrangeReplacement("a2", shipment: "r2", warehouse: "w1", at: at(60)))
        try shop.run(.shipment("r2", .assignCarrier(carrier: "SF", trackingNumber: "R2", at: at(61))))
        try shop.run(.shipment("r2", .markShipped(at: at(62))))
        try shop.run(.shipment("r2", .markDelivered(at: at(63))))
        #expect(shop.states.order("o1").deliveredQuantity("shirt") == 5)
        try shop.run(claim("a3", [line("shirt", 2)], at: 64))
        shop.refuse(.returnExceedsDelivered, claim("a4", [line("shirt", 1)], at: 65))
        checkInvariants(shop.states)
    }

    @Test func neverReturnsAUnitMoreOftenThanItWasDelivered() throws {
        var shop = try replacingShop()
        try shop.run(.shipment("r1", .markDelivered(at: at(56))))
        try shop.run(
            .requestAfterSale(
                "a2", order: "o1", member: "m1", kind: .return, lines: [line("shirt", 1)], reason: "too big",
                at: at(57)))
        try shop.run(claim("a3", [line("shirt", 1)], at: 58))
        shop.refuse(.returnExceedsDelivered, claim("a4", [line("shirt", 1)], at: 59))
        shop.refuse(.returnExceedsDelivered, claim("a4", [line("hat", 2)], at: 59))
        shop.refuse(.validationFailed, claim("a4", [line("shirt", 0)], at: 59))
    }

    @Test func aReplacementOfAnotherSKUCanBeClaimedButNotReturnedForMoney() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 1)], payment: "p1")
        try shop.deliverAll("o1")
        let kind = AfterSaleKind.exchange(replacements: [line("hat", 1)])
        try shop.run(
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: kind, lines: [line("shirt", 1)], reason: "x", at: at(50)))
        try shop.run(.afterSale("a1", .approve(at: at(51))))
        try shop.run(
            .afterSale("a1", .receiveGoods(warehouse: "w1", good: [line("shirt", 1)], damaged: [], at: at(52))))
        try shop.run(.arrangeReplacement("a1", shipment: "r1", warehouse: "w1", at: at(53)))
        try shop.run(.shipment("r1", .assignCarrier(carrier: "SF", trackingNumber: "R1", at: at(54))))
        try shop.run(.shipment("r1", .markShipped(at: at(55))))
        shop.refuse(.returnExceedsDelivered, claim("a2", [line("hat", 1)], at: 56))
        try shop.run(.shipment("r1", .markDelivered(at: at(57))))
        shop.refuse(
            .validationFailed,
            .requestAfterSale(
                "a2", order: "o1", member: "m1", kind: .return, lines: [line("hat", 1)], reason: "x", at: at(58)))
        shop.refuse(.returnExceedsDelivered, claim("a2", [line("hat", 2)], at: 58))
        try shop.run(claim("a2", [line("hat", 1)], at: 58))
        checkInvariants(shop.states)
    }

    @Test func refusesRecordingAReplacementWithoutACaseOrTwice() throws {
        let shop = try replacingShop()
        let state = shop.states.order("o1")
        let unknown = OrderCommand.recordReplacementDelivered(
            afterSale: "a9", shipment: "r9", lines: [line("shirt", 1)], at: at(60))
        expectRefusal(.notFound) { () throws(Refusal) in try Order.decide(unknown, state, policy) }
        let delivered = OrderCommand.recordReplacementDelivered(
            afterSale: "a1", shipment: "r1", lines: [line("shirt", 1)], at: at(60))
        let events = try Order.decide(delivered, state, policy)
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try Order.decide(delivered, events.reduce(state, Order.evolve), policy)
        }
        #expect(events.first?.typeTag == 321)
    }
}
