import OrderDomain
import Testing

@Suite struct AfterSaleTests {
    let lines = [LineQuantity(sku: "shirt", quantity: 2)]

    func requested(_ kind: AfterSaleKind) -> [AfterSaleEvent] {
        [.requested(order: "o1", member: "m1", kind: kind, lines: lines, reason: "too small", at: at(1))]
    }

    func approved(_ kind: AfterSaleKind) -> [AfterSaleEvent] { requested(kind) + [.approved(at: at(2))] }

    func received(_ kind: AfterSaleKind) -> [AfterSaleEvent] {
        approved(kind) + [
            .goodsReceived(
                warehouse: "w1", good: [LineQuantity(sku: "shirt", quantity: 1)],
                damaged: [LineQuantity(sku: "shirt", quantity: 1)], at: at(3))
        ]
    }

    func decide(_ command: AfterSaleCommand, _ events: [AfterSaleEvent]) throws(Refusal) -> [AfterSaleEvent] {
        try AfterSale.decide(command, afterSale(events))
    }

    @Test func requestsApprovesAndDeclines() throws {
        let command = AfterSaleCommand.request(
            order: "o1", member: "m1", kind: .return, lines: lines, reason: "too small", at: at(1))
        #expect(try decide(command, []) == requested(.return))
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(command, requested(.return)) }
        #expect(afterSale(approved(.return)).status == .approved)
        let declined = requested(.return) + (try decide(.decline(reason: "worn", at: at(2)), requested(.return)))
        #expect(afterSale(declined).status == .declined)
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.approve(at: at(3)), declined) }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.decline(reason: "x", at: at(3)), approved(.return))
        }
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.approve(at: at(3)), []) }
    }

    @Test func receivesNoMoreThanWasRequested() throws {
        #expect(afterSale(received(.return)).status == .goodsReceived)
        expectRefusal(.returnExceedsDelivered) { () throws(Refusal) in
            try decide(
                .receiveGoods(warehouse: "w1", good: [LineQuantity(sku: "shirt", quantity: 3)], damaged: [], at: at(3)),
                approved(.return))
        }
        expectRefusal(.returnExceedsDelivered) { () throws(Refusal) in
            try decide(
                .receiveGoods(warehouse: "w1", good: [LineQuantity(sku: "hat", quantity: 1)], damaged: [], at: at(3)),
                approved(.return))
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.receiveGoods(warehouse: "w1", good: [], damaged: [], at: at(3)), approved(.return))
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.receiveGoods(warehouse: "w1", good: lines, damaged: [], at: at(3)), requested(.return))
        }
    }

    @Test func refundsAReturnAfterReceipt() throws {
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.refund(payment: "p1", amount: cny(100), at: at(4)), approved(.return))
        }
        let refunded =
            received(.return) + (try decide(.refund(payment: "p1", amount: cny(9_900), at: at(4)), received(.return)))
        #expect(afterSale(refunded).status == .resolved)
        #expect(afterSale(refunded).refundedMinorUnits == 9_900)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.arrangeReplacement(shipment: "r1", priceDifference: cny(0), at: at(4)), received(.return))
        }
        #expect(afterSale(refunded + (try decide(.close(at: at(5)), refunded))).status == .closed)
    }

    @Test func exchangesWithAReplacement() throws {
        let kind = AfterSaleKind.exchange(replacements: [LineQuantity(sku: "shirt-l", quantity: 2)])
        let arranged = try decide(
            .arrangeReplacement(shipment: "r1", priceDifference: cny(-500), at: at(4)), received(kind))
        let state = afterSale(received(kind) + arranged)
        #expect(state.status == .resolved)
        #expect(state.replacementShipment == "r1")
        #expect(state.priceDifference == cny(-500))
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.refund(payment: "p1", amount: cny(1), at: at(4)), received(kind))
        }
    }

    @Test func resolvesClaimsByRefundOrReplacementWithoutGoods() throws {
        let claim = AfterSaleKind.claim(.missing)
        #expect(try decide(.refund(payment: "p1", amount: cny(100), at: at(3)), approved(claim)).count == 1)
        #expect(
            try decide(.arrangeReplacement(shipment: "r1", priceDifference: cny(0), at: at(3)), approved(claim)).count
                == 1)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.refund(payment: "p1", amount: cny(100), at: at(3)), requested(claim))
        }
    }

    @Test func closesOnlyWhenNothingIsPending() throws {
        #expect(try decide(.close(at: at(5)), requested(.return)).count == 1)
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.close(at: at(5)), received(.return)) }
        let closed = requested(.return) + [.closed(at: at(5))]
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.close(at: at(6)), closed) }
    }
}
