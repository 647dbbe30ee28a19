import OrderDomain
import Testing

@Suite struct OrderChargeTests {
    let delivered = OrderTests().delivered
    var returning: [OrderEvent] {
        delivered + [
            .returnReserved(afterSale: "a1", lines: [LineQuantity(sku: "hat", quantity: 1)], at: at(60)),
            .returnReserved(afterSale: "a2", lines: [LineQuantity(sku: "shirt", quantity: 1)], at: at(60)),
        ]
    }

    func decide(_ command: OrderCommand, _ events: [OrderEvent]) throws(Refusal) -> [OrderEvent] {
        try Order.decide(command, order(events), policy)
    }

    @Test func aChargeRaisesWhatIsDueUntilACaptureCoversItWhole() throws {
        let added = try decide(.addCharge(afterSale: "a1", amount: cny(4_900), at: at(61)), returning)
        #expect(added == [.chargeAdded(afterSale: "a1", amount: cny(4_900), at: at(61))])
        let charged = order(returning + added)
        #expect(charged.amountDueMinorUnits == 29_700)
        #expect(charged.owesCharge)
        expectRefusal(.chargePartlyPaid) { () throws(Refusal) in
            try decide(.recordPayment(payment: "p2", amount: cny(4_000), at: at(62)), returning + added)
        }
        expectRefusal(.amountExceedsDue) { () throws(Refusal) in
            try decide(.recordPayment(payment: "p2", amount: cny(4_901), at: at(62)), returning + added)
        }
        let paid = try decide(.recordPayment(payment: "p2", amount: cny(4_900), at: at(63)), returning + added)
        #expect(paid.last == .chargePaid(afterSale: "a1", at: at(63)))
        #expect(!order(returning + added + paid).owesCharge)
    }

    @Test func capturesSettleTheFirstChargeTheyCoverWhole() throws {
        let charged =
            returning + [
                .chargeAdded(afterSale: "a1", amount: cny(5_000), at: at(61)),
                .chargeAdded(afterSale: "a2", amount: cny(1_000), at: at(61)),
            ]
        let events = try decide(.recordPayment(payment: "p2", amount: cny(1_000), at: at(62)), charged)
        #expect(events.last == .chargePaid(afterSale: "a2", at: at(62)))
        #expect(order(charged + events).charges.map(\.paid) == [false, true])
    }

    @Test func refusesChargesWithoutAReturnTwiceOrOfTheWrongAmount() throws {
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.addCharge(afterSale: "a9", amount: cny(1), at: at(61)), returning)
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.addCharge(afterSale: "a1", amount: cny(0), at: at(61)), returning)
        }
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(.addCharge(afterSale: "a1", amount: usd(100), at: at(61)), returning)
        }
        let charged = returning + [.chargeAdded(afterSale: "a1", amount: cny(100), at: at(61))]
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try decide(.addCharge(afterSale: "a1", amount: cny(100), at: at(62)), charged)
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.addCharge(afterSale: "a2", amount: cny(Limits.amountMinorUnitsMax + 1), at: at(62)), charged)
        }
    }

    @Test func dropsOnlyUnpaidCharges() throws {
        let charged = returning + [.chargeAdded(afterSale: "a1", amount: cny(100), at: at(61))]
        let cancelled = try decide(.cancelCharge(afterSale: "a1", at: at(62)), charged)
        #expect(cancelled == [.chargeCancelled(afterSale: "a1", at: at(62))])
        #expect(order(charged + cancelled).amountDueMinorUnits == 24_800)
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.cancelCharge(afterSale: "a1", at: at(63)), charged + cancelled)
        }
        let paid = charged + [.chargePaid(afterSale: "a1", at: at(62))]
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.cancelCharge(afterSale: "a1", at: at(63)), paid)
        }
    }

    @Test func chargeEventTagsAreStable() {
        #expect(OrderEvent.chargeAdded(afterSale: "a", amount: cny(1), at: at(1)).typeTag == 316)
        #expect(OrderEvent.chargeCancelled(afterSale: "a", at: at(1)).typeTag == 317)
        #expect(OrderEvent.chargePaid(afterSale: "a", at: at(1)).typeTag == 318)
    }
}
