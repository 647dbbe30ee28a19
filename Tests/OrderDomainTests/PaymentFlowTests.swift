import OrderDomain
import Testing

@Suite struct PaymentFlowTests {
    @Test func captureThatCoversTheTotalPaysTheOrderAndCommitsStock() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 12)]))
        try shop.run(.authorizePayment("p1", order: "o1", method: .wechatPay, amount: cny(118_800), at: at(20)))
        try shop.run(.payment("p1", .capture(amount: cny(100_000), at: at(21))))
        #expect(shop.states.order("o1").status == .awaitingPayment)
        #expect(shop.item("shirt", "w1").committed == 0)
        let events = try shop.run(.payment("p1", .capture(amount: cny(18_800), at: at(22))))
        #expect(events.map(\.typeTag) == [402, 302, 303, 206, 206])
        #expect(shop.states.order("o1").status == .paid)
        #expect(shop.item("shirt", "w1").committed == 10)
        #expect(shop.item("shirt", "w2").committed == 2)
    }

    @Test func refusesAuthorizationsBeyondWhatIsDue() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        shop.refuse(
            .amountExceedsDue, .authorizePayment("p1", order: "o1", method: .card, amount: cny(9_901), at: at(20)))
        shop.refuse(.notFound, .authorizePayment("p1", order: "nope", method: .card, amount: cny(1), at: at(20)))
        shop.refuse(
            .validationFailed,
            .payment(
                "p1",
                .authorize(order: "o1", member: "m1", method: .card, amount: cny(1), amountDue: cny(1), at: at(20))))
    }

    @Test func repeatedCallbacksChangeNothing() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        try shop.run(.authorizePayment("p1", order: "o1", method: .alipay, amount: cny(9_900), at: at(20)))
        let callback = DomainCommand.payment(
            "p1", .recordCallback(providerEvent: "ali-1", outcome: .captured(cny(9_900)), at: at(21)))
        let first = try shop.run(callback)
        #expect(first.map(\.typeTag) == [406, 402, 302, 303, 206])
        #expect(try shop.run(callback).isEmpty)
        #expect(shop.states.order("o1").paidMinorUnits == 9_900)
    }

    @Test func storeCreditPaysAndComesBackOnVoidAndRefund() throws {
        var shop = try Shop.stocked()
        try shop.run(.member("m1", .addStoreCredit(cny(20_000), reason: "gift card", at: at(2))))
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        try shop.run(.authorizePayment("p1", order: "o1", method: .storeCredit, amount: cny(9_900), at: at(20)))
        #expect(shop.states.member("m1").storeCreditMinorUnits == 10_100)
        try shop.run(.payment("p1", .void(at: at(21))))
        #expect(shop.states.member("m1").storeCreditMinorUnits == 20_000)
        try shop.run(.authorizePayment("p2", order: "o1", method: .storeCredit, amount: cny(9_900), at: at(22)))
        try shop.run(.payment("p2", .capture(amount: cny(9_900), at: at(23))))
        try shop.run(.payment("p2", .refund(amount: cny(4_000), at: at(24))))
        #expect(shop.states.member("m1").storeCreditMinorUnits == 14_100)
    }

    @Test func refusesStoreCreditPaymentsBeyondTheBalance() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        shop.refuse(
            .insufficientStoreCredit,
            .authorizePayment("p1", order: "o1", method: .storeCredit, amount: cny(9_900), at: at(20)))
    }

    @Test func refundsAfterCompletionReversePointsButNeverBelowZero() throws {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 2)], payment: "p1")
        try shop.run(.createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 2)], at: at(30)))
        try shop.run(.shipment("s1", .assignCarrier(carrier: "SF", trackingNumber: "SF1", at: at(31))))
        try shop.run(.shipment("s1", .markShipped(at: at(32))))
        try shop.run(.shipment("s1", .markDelivered(at: at(40))))
        try shop.run(.completeOrder("o1", at: at(50)))
        try shop.run(.member("m1", .redeemPoints(order: "other", points: 1_100, at: at(51))))
        #expect(shop.states.member("m1").pointsBalance == 98)
        let events = try shop.run(.payment("p1", .refund(amount: cny(19_800), at: at(60))))
        #expect(events.contains(.member("m1", .pointsReversed(order: "o1", points: 98, at: at(60)))))
        #expect(shop.states.member("m1").pointsBalance == 0)
        shop.refuse(.amountExceedsCaptured, .payment("p1", .refund(amount: cny(1), at: at(61))))
    }

    @Test func twoPaymentsOpenedAtOnceCannotBothTakeTheWholeAmount() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        try shop.run(.authorizePayment("p1", order: "o1", method: .alipay, amount: cny(9_900), at: at(20)))
        shop.refuse(
            .amountExceedsDue, .authorizePayment("p2", order: "o1", method: .card, amount: cny(9_900), at: at(20)))
        shop.refuse(.amountExceedsDue, .authorizePayment("p2", order: "o1", method: .card, amount: cny(1), at: at(20)))
        try shop.run(.payment("p1", .capture(amount: cny(9_900), at: at(21))))
        #expect(shop.states.order("o1").paidMinorUnits == 9_900)
        checkInvariants(shop.states)
    }

    @Test func aPartlyCapturedPaymentReleasesTheRestSoAnotherCanFinish() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        try shop.run(.authorizePayment("p1", order: "o1", method: .alipay, amount: cny(9_900), at: at(20)))
        try shop.run(.payment("p1", .capture(amount: cny(5_000), at: at(21))))
        shop.refuse(
            .amountExceedsDue, .authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(22)))
        let released = try shop.run(.payment("p1", .releaseAuthorization(amount: cny(4_900), at: at(22))))
        #expect(released.map(\.typeTag) == [407, 320])
        shop.refuse(.amountExceedsAuthorized, .payment("p1", .capture(amount: cny(1), at: at(23))))
        try shop.run(.authorizePayment("p2", order: "o1", method: .card, amount: cny(4_900), at: at(23)))
        let paid = try shop.run(.payment("p2", .capture(amount: cny(4_900), at: at(24))))
        #expect(paid.contains(.order("o1", .paid(at: at(24)))))
        checkInvariants(shop.states)
    }

    @Test func aVoidedStoreCreditPaymentFreesTheOrderAndTheCredit() throws {
        var shop = try Shop.stocked()
        try shop.run(.member("m1", .addStoreCredit(cny(20_000), reason: "gift card", at: at(2))))
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        try shop.run(.authorizePayment("p1", order: "o1", method: .storeCredit, amount: cny(9_900), at: at(20)))
        let voided = try shop.run(.payment("p1", .void(at: at(21))))
        #expect(voided.map(\.typeTag) == [403, 320, 714])
        #expect(shop.states.order("o1").openAuthorizedMinorUnits == 0)
        #expect(shop.states.member("m1").storeCreditMinorUnits == 20_000)
        try shop.run(.authorizePayment("p2", order: "o1", method: .alipay, amount: cny(9_900), at: at(22)))
        checkInvariants(shop.states)
    }
}
