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
        #expect(state.differenceSettled)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.refund(payment: "p1", amount: cny(1), at: at(4)), received(kind) + arranged)
        }
    }

    @Test func refundsAnExchangeInsteadOfAReplacement() throws {
        let kind = AfterSaleKind.exchange(replacements: [LineQuantity(sku: "shirt-l", quantity: 2)])
        let refunded = try decide(.refund(payment: "p1", amount: cny(9_900), at: at(4)), received(kind))
        #expect(afterSale(received(kind) + refunded).status == .resolved)
    }

    @Test func waitsForAPositiveDifferenceBeforeResolving() throws {
        let kind = AfterSaleKind.exchange(replacements: [LineQuantity(sku: "shirt-l", quantity: 2)])
        let arranged = try decide(
            .arrangeReplacement(shipment: "r1", priceDifference: cny(700), at: at(4)), received(kind))
        #expect(
            arranged == [
                .replacementArranged(shipment: "r1", priceDifference: cny(700), at: at(4)),
                .differenceOwed(amount: cny(700), at: at(4)),
            ])
        let owing = received(kind) + arranged
        #expect(afterSale(owing).status == .awaitingDifference)
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.close(at: at(5)), owing) }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.refund(payment: "p1", amount: cny(1), at: at(5)), owing)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.recordDifferencePaid(at: at(5)), received(kind))
        }
        let paid = try decide(.recordDifferencePaid(at: at(5)), owing)
        #expect(paid == [.differencePaid(amount: cny(700), at: at(5))])
        let state = afterSale(owing + paid)
        #expect(state.status == .resolved)
        #expect(state.differenceSettled)
        #expect(afterSale(owing + paid + [.closed(at: at(6))]).status == .closed)
    }

    @Test func reopensWhenTheReplacementIsCancelledAndKeepsTheQuotedDifference() throws {
        let kind = AfterSaleKind.exchange(replacements: [LineQuantity(sku: "shirt-l", quantity: 2)])
        let owing =
            received(kind) + [
                .replacementArranged(shipment: "r1", priceDifference: cny(700), at: at(4)),
                .differenceOwed(amount: cny(700), at: at(4)),
            ]
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.recordReplacementCancelled(shipment: "r9", at: at(5)), owing)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.recordReplacementCancelled(shipment: "r1", at: at(5)), received(kind))
        }
        let cancelled = try decide(.recordReplacementCancelled(shipment: "r1", at: at(5)), owing)
        #expect(cancelled == [.replacementCancelled(shipment: "r1", at: at(5))])
        let reopened = afterSale(owing + cancelled)
        #expect(reopened.status == .goodsReceived)
        #expect(reopened.replacementShipment == nil)
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.arrangeReplacement(shipment: "r2", priceDifference: cny(900), at: at(6)), owing + cancelled)
        }
        let again = try decide(
            .arrangeReplacement(shipment: "r2", priceDifference: cny(700), at: at(6)), owing + cancelled)
        #expect(afterSale(owing + cancelled + again).status == .awaitingDifference)
    }

    @Test func aPaidDifferenceIsNotOwedAgainWhenTheReplacementIsArrangedAgain() throws {
        let kind = AfterSaleKind.exchange(replacements: [LineQuantity(sku: "shirt-l", quantity: 2)])
        let settled =
            received(kind) + [
                .replacementArranged(shipment: "r1", priceDifference: cny(700), at: at(4)),
                .differenceOwed(amount: cny(700), at: at(4)), .differencePaid(amount: cny(700), at: at(5)),
                .replacementCancelled(shipment: "r1", at: at(6)),
            ]
        let again = try decide(.arrangeReplacement(shipment: "r2", priceDifference: cny(700), at: at(7)), settled)
        #expect(again == [.replacementArranged(shipment: "r2", priceDifference: cny(700), at: at(7))])
        #expect(afterSale(settled + again).status == .resolved)
    }

    @Test func aCancelledClaimReplacementReturnsTheCaseToApproved() throws {
        let claim = AfterSaleKind.claim(.missing)
        let arranged = approved(claim) + [.replacementArranged(shipment: "r1", priceDifference: cny(0), at: at(3))]
        let cancelled = try decide(.recordReplacementCancelled(shipment: "r1", at: at(4)), arranged)
        #expect(afterSale(arranged + cancelled).status == .approved)
    }

    @Test func newEventTagsAreStable() {
        #expect(AfterSaleEvent.replacementCancelled(shipment: "r1", at: at(1)).typeTag == 608)
        #expect(AfterSaleEvent.differenceOwed(amount: cny(1), at: at(1)).typeTag == 609)
        #expect(AfterSaleEvent.differencePaid(amount: cny(1), at: at(1)).typeTag == 610)
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
