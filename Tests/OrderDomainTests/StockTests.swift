import OrderDomain
import Testing

@Suite struct StockTests {
    let order: OrderID = "o1"
    let stocked: [StockEvent] = [.received(quantity: 10, at: at(1))]

    func reservedFor(_ quantity: Int64, backordered: Int64 = 0) -> [StockEvent] {
        stocked + [.reserved(order: order, quantity: quantity, backordered: backordered, expiresAt: at(100), at: at(2))]
    }

    @Test func receivesAndReducesIncoming() throws {
        let expected = try Stock.decide(.expectIncoming(quantity: 5, at: at(1)), .initial)
        let received = try Stock.decide(.receive(quantity: 3, at: at(2)), stock(expected))
        let state = stock(expected + received)
        #expect(state.onHand == 3)
        #expect(state.incoming == 2)
        #expect(state.available == 3)
    }

    @Test func refusesZeroNegativeAndHugeQuantities() {
        for quantity: Int64 in [0, -1, Limits.quantityMax + 1] {
            expectRefusal(.validationFailed) { () throws(Refusal) in
                try Stock.decide(.receive(quantity: quantity, at: at(1)), .initial)
            }
            expectRefusal(.validationFailed) { () throws(Refusal) in
                try Stock.decide(
                    .reserve(order: order, quantity: quantity, expiresAt: at(9), backorderAllowed: false, at: at(1)),
                    stock(stocked))
            }
        }
    }

    @Test func reservesWithinAvailable() throws {
        let events = try Stock.decide(
            .reserve(order: order, quantity: 4, expiresAt: at(100), backorderAllowed: false, at: at(2)), stock(stocked))
        #expect(events == [.reserved(order: order, quantity: 4, backordered: 0, expiresAt: at(100), at: at(2))])
        let state = stock(stocked + events)
        #expect(state.reserved == 4)
        #expect(state.available == 6)
        #expect(state.reservations[order]?.reserved == 4)
    }

    @Test func refusesReservationBeyondAvailableStock() {
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(
                .reserve(order: order, quantity: 11, expiresAt: at(100), backorderAllowed: false, at: at(2)),
                stock(stocked))
        }
    }

    @Test func safetyStockIsNotSellable() {
        let state = stock(stocked + [.safetyStockSet(quantity: 3, at: at(2))])
        #expect(state.available == 7)
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(
                .reserve(order: order, quantity: 8, expiresAt: at(100), backorderAllowed: false, at: at(2)), state)
        }
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(.setSafetyStock(quantity: 11, at: at(3)), state)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Stock.decide(.setSafetyStock(quantity: 3, at: at(3)), state)
        }
    }

    @Test func backordersOnlyWhenAllowed() throws {
        let events = try Stock.decide(
            .reserve(order: order, quantity: 13, expiresAt: at(100), backorderAllowed: true, at: at(2)), stock(stocked))
        #expect(events == [.reserved(order: order, quantity: 13, backordered: 3, expiresAt: at(100), at: at(2))])
        let state = stock(stocked + events)
        #expect(state.available == 0)
        #expect(state.backordered == 3)
    }

    @Test func refusesReservingTwiceForOneOrder() {
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try Stock.decide(
                .reserve(order: order, quantity: 1, expiresAt: at(100), backorderAllowed: false, at: at(2)),
                stock(reservedFor(1)))
        }
    }

    @Test func commitsOnPayment() throws {
        let events = try Stock.decide(.commit(order: order, at: at(3)), stock(reservedFor(4)))
        #expect(events == [.reservationCommitted(order: order, quantity: 4, at: at(3))])
        let state = stock(reservedFor(4) + events)
        #expect(state.reserved == 0)
        #expect(state.committed == 4)
        #expect(state.available == 6)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Stock.decide(.commit(order: order, at: at(4)), state)
        }
        expectRefusal(.notFound) { () throws(Refusal) in try Stock.decide(.commit(order: "other", at: at(4)), state) }
    }

    @Test func fillsBackordersFromNewStock() throws {
        let history = stocked + [.reserved(order: order, quantity: 13, backordered: 3, expiresAt: at(100), at: at(2))]
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(.fillBackorder(order: order, quantity: 3, at: at(3)), stock(history))
        }
        let more = history + [.received(quantity: 5, at: at(3))]
        let filled = try Stock.decide(.fillBackorder(order: order, quantity: 3, at: at(4)), stock(more))
        let state = stock(more + filled)
        #expect(state.backordered == 0)
        #expect(state.reserved == 13)
        #expect(state.available == 2)
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try Stock.decide(.fillBackorder(order: order, quantity: 1, at: at(5)), state)
        }
    }

    @Test func releasesOnCancel() throws {
        let history = reservedFor(4) + [.reservationCommitted(order: order, quantity: 4, at: at(3))]
        let events = try Stock.decide(.release(order: order, reason: .cancelled, at: at(4)), stock(history))
        #expect(
            events == [
                .reservationReleased(
                    order: order, reserved: 0, committed: 4, backordered: 0, reason: .cancelled, at: at(4))
            ])
        let state = stock(history + events)
        #expect(state.available == 10)
        #expect(state.reservations.isEmpty)
    }

    @Test func releasesOnExpiryOnlyWhenDueAndUnpaid() throws {
        expectRefusal(.notYetExpired) { () throws(Refusal) in
            try Stock.decide(.release(order: order, reason: .expired, at: at(99)), stock(reservedFor(4)))
        }
        let events = try Stock.decide(.release(order: order, reason: .expired, at: at(100)), stock(reservedFor(4)))
        #expect(stock(reservedFor(4) + events).available == 10)
        let paid = reservedFor(4) + [.reservationCommitted(order: order, quantity: 4, at: at(3))]
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Stock.decide(.release(order: order, reason: .expired, at: at(200)), stock(paid))
        }
    }

    @Test func deductsCommittedUnitsOnShipment() throws {
        let paid = reservedFor(4) + [.reservationCommitted(order: order, quantity: 4, at: at(3))]
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(.deductForShipment(order: order, shipment: "s1", quantity: 5, at: at(4)), stock(paid))
        }
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(
                .deductForShipment(order: order, shipment: "s1", quantity: 1, at: at(4)), stock(reservedFor(4)))
        }
        let first = try Stock.decide(
            .deductForShipment(order: order, shipment: "s1", quantity: 3, at: at(4)), stock(paid))
        let second = try Stock.decide(
            .deductForShipment(order: order, shipment: "s2", quantity: 1, at: at(5)), stock(paid + first))
        let state = stock(paid + first + second)
        #expect(state.onHand == 6)
        #expect(state.committed == 0)
        #expect(state.available == 6)
        #expect(state.reservations.isEmpty)
    }

    @Test func restocksGoodReturnsAndWritesOffDamagedOnes() throws {
        let restocked = try Stock.decide(
            .restockReturn(order: order, afterSale: "a1", quantity: 2, at: at(5)), stock(stocked))
        let written = try Stock.decide(
            .writeOffReturn(order: order, afterSale: "a1", quantity: 1, at: at(5)), stock(stocked))
        let state = stock(stocked + restocked + written)
        #expect(state.onHand == 12)
        #expect(state.damaged == 1)
        let disposed = try Stock.decide(.disposeDamaged(quantity: 1, at: at(6)), state)
        #expect(stock(stocked + restocked + written + disposed).damaged == 0)
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try Stock.decide(.disposeDamaged(quantity: 2, at: at(6)), state)
        }
    }

    @Test func allocatesReplacementsAsCommitted() throws {
        let events = try Stock.decide(
            .allocateReplacement(order: order, afterSale: "a1", quantity: 2, at: at(5)), stock(stocked))
        let state = stock(stocked + events)
        #expect(state.committed == 2)
        #expect(state.reservations[order]?.committed == 2)
        #expect(
            try Stock.decide(.deductForShipment(order: order, shipment: "r1", quantity: 2, at: at(6)), state).count == 1
        )
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(
                .allocateReplacement(order: order, afterSale: "a1", quantity: 11, at: at(5)), stock(stocked))
        }
    }

    @Test func releasesACancelledReplacementBackToAvailable() throws {
        let allocated = stocked + [.replacementAllocated(order: order, afterSale: "a1", quantity: 3, at: at(5))]
        let events = try Stock.decide(
            .releaseReplacement(order: order, afterSale: "a1", quantity: 3, at: at(6)), stock(allocated))
        #expect(events == [.replacementReleased(order: order, afterSale: "a1", quantity: 3, at: at(6))])
        let state = stock(allocated + events)
        #expect(state.committed == 0)
        #expect(state.available == 10)
        #expect(state.reservations[order] == nil)
    }

    @Test func releasesOnlyTheReplacementUnitsOfAnOrderThatHoldsMore() throws {
        let paid = reservedFor(4) + [.reservationCommitted(order: order, quantity: 4, at: at(3))]
        let allocated = paid + [.replacementAllocated(order: order, afterSale: "a1", quantity: 2, at: at(5))]
        let events = try Stock.decide(
            .releaseReplacement(order: order, afterSale: "a1", quantity: 2, at: at(6)), stock(allocated))
        let state = stock(allocated + events)
        #expect(state.committed == 4)
        #expect(state.reservations[order]?.committed == 4)
        #expect(state.available == 6)
    }

    @Test func refusesToReleaseMoreThanIsCommittedOrForAnOrderHoldingNothing() throws {
        let allocated = stocked + [.replacementAllocated(order: order, afterSale: "a1", quantity: 2, at: at(5))]
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try Stock.decide(
                .releaseReplacement(order: order, afterSale: "a1", quantity: 3, at: at(6)), stock(allocated))
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try Stock.decide(
                .releaseReplacement(order: order, afterSale: "a1", quantity: 0, at: at(6)), stock(allocated))
        }
        expectRefusal(.notFound) { () throws(Refusal) in
            try Stock.decide(
                .releaseReplacement(order: "o2", afterSale: "a1", quantity: 1, at: at(6)), stock(allocated))
        }
    }

    @Test func adjustsForEachReason() throws {
        let damage = try Stock.decide(.adjust(delta: -2, reason: .damage, at: at(2)), stock(stocked))
        let damaged = stock(stocked + damage)
        #expect(damaged.onHand == 8)
        #expect(damaged.damaged == 2)
        #expect(
            stock(stocked + (try Stock.decide(.adjust(delta: 3, reason: .found, at: at(2)), stock(stocked)))).onHand
                == 13)
        #expect(
            stock(stocked + (try Stock.decide(.adjust(delta: -1, reason: .shrinkage, at: at(2)), stock(stocked))))
                .onHand == 9)
        #expect(
            stock(stocked + (try Stock.decide(.adjust(delta: 4, reason: .cycleCount, at: at(2)), stock(stocked))))
                .onHand == 14)
        #expect(
            stock(stocked + (try Stock.decide(.adjust(delta: -4, reason: .correction, at: at(2)), stock(stocked))))
                .onHand == 6)
    }

    @Test func refusesAdjustmentsAgainstTheirReasonOrBeyondAvailable() {
        let bad: [(Int64, AdjustmentReason)] = [(0, .correction), (2, .damage), (1, .shrinkage), (-1, .found)]
        for (delta, reason) in bad {
            expectRefusal(.validationFailed) { () throws(Refusal) in
                try Stock.decide(.adjust(delta: delta, reason: reason, at: at(2)), stock(stocked))
            }
        }
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(.adjust(delta: -7, reason: .shrinkage, at: at(2)), stock(reservedFor(4)))
        }
    }

    @Test func transfersOutThenIn() throws {
        let out = try Stock.decide(.transferOut(quantity: 4, to: "w2", at: at(2)), stock(stocked))
        #expect(stock(stocked + out).onHand == 6)
        expectRefusal(.insufficientStock) { () throws(Refusal) in
            try Stock.decide(.transferOut(quantity: 7, to: "w2", at: at(2)), stock(reservedFor(4)))
        }
        let destination = [StockEvent.incomingExpected(quantity: 4, at: at(2))]
        let arrived = try Stock.decide(.transferIn(quantity: 4, from: "w1", at: at(3)), stock(destination))
        let state = stock(destination + arrived)
        #expect(state.onHand == 4)
        #expect(state.incoming == 0)
    }

    @Test func eventTagsAreStable() {
        #expect(StockEvent.received(quantity: 1, at: at(1)).typeTag == 201)
        #expect(StockEvent.transferredIn(quantity: 1, from: "w", at: at(1)).typeTag == 215)
        #expect(StockEvent.replacementReleased(order: "o", afterSale: "a", quantity: 1, at: at(1)).typeTag == 216)
    }
}
