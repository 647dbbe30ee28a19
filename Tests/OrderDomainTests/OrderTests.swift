import OrderDomain
import Testing

@Suite struct OrderTests {
    let placed: [OrderEvent] = [.placed(placement())]
    var paid: [OrderEvent] {
        placed + [.paymentRecorded(payment: "p1", amount: cny(24_800), at: at(20)), .paid(at: at(20))]
    }
    var allocated: [OrderEvent] {
        paid + [.shipmentAllocated(shipment: "s1", lines: [LineQuantity(sku: "shirt", quantity: 2)], at: at(30))]
    }
    var partlyShipped: [OrderEvent] { allocated + [.shipmentShipped(shipment: "s1", at: at(40))] }
    var delivered: [OrderEvent] {
        partlyShipped + [
            .shipmentAllocated(shipment: "s2", lines: [LineQuantity(sku: "hat", quantity: 1)], at: at(41)),
            .shipmentShipped(shipment: "s2", at: at(42)),
            .shipmentDelivered(shipment: "s1", at: at(50)),
            .shipmentDelivered(shipment: "s2", at: at(51)),
        ]
    }

    func decide(_ command: OrderCommand, _ events: [OrderEvent]) throws(Refusal) -> [OrderEvent] {
        try Order.decide(command, order(events), policy)
    }

    @Test func placesAnOrderAwaitingPayment() throws {
        let events = try decide(.place(placement()), [])
        #expect(events == placed)
        #expect(order(events).status == .awaitingPayment)
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(.place(placement()), placed) }
    }

    @Test func aFullyDiscountedOrderIsPaidAtOnce() throws {
        let free = placement(totalDue: 0, couponDiscount: 24_800, coupon: "FREE")
        #expect(try decide(.place(free), []) == [.placed(free), .paid(at: at(10))])
    }

    @Test func refusesPlacementsThatDoNotAddUp() {
        let bad = [
            placement(totalDue: 1),
            placement(couponDiscount: 100),
            OrderPlacement(
                order: "o1", member: "m1", lines: [], shippingAddress: home, coupon: nil, subtotal: cny(0),
                couponDiscount: cny(0), pointsRedeemed: 0, pointsDiscount: cny(0), totalDue: cny(0), allocations: [],
                placedAt: at(1), paymentDueAt: at(2)),
            OrderPlacement(
                order: "o1", member: "m1", lines: [OrderLine(sku: "a", quantity: 1, unitPrice: usd(100))],
                shippingAddress: home, coupon: nil, subtotal: cny(100), couponDiscount: cny(0), pointsRedeemed: 0,
                pointsDiscount: cny(0), totalDue: cny(100),
                allocations: [
                    StockAllocation(item: StockItemID(sku: "a", warehouse: "w"), quantity: 1, backordered: 0)
                ],
                placedAt: at(1), paymentDueAt: at(2)),
        ]
        for placement in bad {
            do {
                _ = try decide(.place(placement), [])
                Issue.record("expected refusal")
            } catch {
                #expect([.validationFailed, .currencyMismatch].contains(error.code))
            }
        }
    }

    @Test func becomesPaidWhenCapturesCoverTheTotal() throws {
        let first = try decide(.recordPayment(payment: "p1", amount: cny(20_000), at: at(20)), placed)
        #expect(first == [.paymentRecorded(payment: "p1", amount: cny(20_000), at: at(20))])
        let second = try decide(.recordPayment(payment: "p2", amount: cny(4_800), at: at(21)), placed + first)
        #expect(second.last == .paid(at: at(21)))
        #expect(order(placed + first + second).status == .paid)
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(.recordPayment(payment: "p1", amount: usd(1), at: at(20)), placed)
        }
    }

    @Test func refundsOnlyWhatWasPaid() throws {
        let refund = try decide(.recordRefund(payment: "p1", amount: cny(4_800), at: at(60)), paid)
        #expect(order(paid + refund).refundableMinorUnits == 20_000)
        expectRefusal(.amountExceedsRefundable) { () throws(Refusal) in
            try decide(.recordRefund(payment: "p1", amount: cny(20_001), at: at(61)), paid + refund)
        }
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.recordRefund(payment: "px", amount: cny(1), at: at(61)), paid)
        }
    }

    @Test func cancelsBeforeShipmentOnly() throws {
        #expect(order(placed + (try decide(.cancel(reason: "changed mind", at: at(15)), placed))).status == .cancelled)
        #expect(order(paid + (try decide(.cancel(reason: "changed mind", at: at(25)), paid))).status == .cancelled)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.cancel(reason: "late", at: at(31)), allocated)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.cancel(reason: "late", at: at(45)), partlyShipped)
        }
    }

    @Test func expiresOnlyUnpaidOrdersPastTheirDeadline() throws {
        expectRefusal(.notYetExpired) { () throws(Refusal) in try decide(.expire(at: at(1_809)), placed) }
        #expect(try decide(.expire(at: at(1_810)), placed) == [.expired(at: at(1_810))])
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.expire(at: at(5_000)), paid) }
    }

    @Test func holdsStopShipmentsUntilReleased() throws {
        let held = paid + (try decide(.hold(reason: "fraud check", at: at(21)), paid))
        #expect(order(held).onHold)
        expectRefusal(.orderOnHold) { () throws(Refusal) in
            try decide(
                .allocateShipment(shipment: "s1", lines: [LineQuantity(sku: "hat", quantity: 1)], at: at(22)), held)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.hold(reason: "again", at: at(22)), held) }
        let released = held + (try decide(.releaseHold(at: at(23)), held))
        #expect(!order(released).onHold)
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.releaseHold(at: at(24)), released) }
    }

    @Test func shipsPartiallyThenFullyThenDelivers() throws {
        #expect(order(partlyShipped).status == .partiallyShipped)
        #expect(order(delivered).status == .delivered)
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(
                .allocateShipment(shipment: "s3", lines: [LineQuantity(sku: "shirt", quantity: 1)], at: at(32)),
                allocated)
        }
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try decide(
                .allocateShipment(shipment: "s1", lines: [LineQuantity(sku: "hat", quantity: 1)], at: at(32)), allocated
            )
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(
                .allocateShipment(shipment: "s1", lines: [LineQuantity(sku: "hat", quantity: 1)], at: at(12)), placed)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.recordDelivered(shipment: "s1", at: at(33)), allocated)
        }
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.recordShipped(shipment: "zz", at: at(33)), allocated)
        }
    }

    @Test func cancelsAParcelThatNeverLeft() throws {
        let events = try decide(.cancelShipment(shipment: "s1", at: at(31)), allocated)
        #expect(order(allocated + events).shipments.isEmpty)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.cancelShipment(shipment: "s1", at: at(41)), partlyShipped)
        }
    }

    @Test func completesDeliveredOrdersAndEarnsPoints() throws {
        let events = try decide(.complete(at: at(60)), delivered)
        #expect(events == [.completed(pointsEarned: 248, at: at(60))])
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.complete(at: at(60)), partlyShipped) }
        let completed = delivered + events
        let refund = try decide(.recordRefund(payment: "p1", amount: cny(12_400), at: at(70)), completed)
        #expect(refund == [.refundRecorded(payment: "p1", amount: cny(12_400), pointsReversed: 124, at: at(70))])
    }

    @Test func neverReturnsMoreThanWasDelivered() throws {
        let twoShirts = [LineQuantity(sku: "shirt", quantity: 2)]
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.reserveReturn(afterSale: "a1", lines: twoShirts, at: at(45)), paid)
        }
        expectRefusal(.returnExceedsDelivered) { () throws(Refusal) in
            try decide(.reserveReturn(afterSale: "a1", lines: twoShirts, at: at(45)), partlyShipped)
        }
        let first = delivered + (try decide(.reserveReturn(afterSale: "a1", lines: twoShirts, at: at(60)), delivered))
        expectRefusal(.returnExceedsDelivered) { () throws(Refusal) in
            try decide(
                .reserveReturn(afterSale: "a2", lines: [LineQuantity(sku: "shirt", quantity: 1)], at: at(61)), first)
        }
        let released = first + (try decide(.releaseReturn(afterSale: "a1", at: at(62)), first))
        #expect(try decide(.reserveReturn(afterSale: "a2", lines: twoShirts, at: at(63)), released).count == 1)
    }

    @Test func refusesEveryCommandBeforePlacement() {
        let commands: [OrderCommand] = [
            .recordPayment(payment: "p", amount: cny(1), at: at(1)), .cancel(reason: "x", at: at(1)),
            .expire(at: at(1)), .hold(reason: "x", at: at(1)), .complete(at: at(1)),
        ]
        for command in commands {
            expectRefusal(.notFound) { () throws(Refusal) in try decide(command, []) }
        }
    }

    @Test func terminalOrdersRefuseToMove() throws {
        let cancelled = placed + [.cancelled(reason: "x", at: at(11))]
        let commands: [OrderCommand] = [
            .cancel(reason: "again", at: at(12)), .expire(at: at(9_999)), .hold(reason: "x", at: at(12)),
            .complete(at: at(12)),
        ]
        for command in commands {
            expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(command, cancelled) }
        }
    }
}
