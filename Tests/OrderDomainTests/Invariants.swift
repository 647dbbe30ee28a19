import OrderDomain
import Testing

/// Checks every invariant the domain promises over all aggregates at once.
func checkInvariants(_ states: DomainStates, sourceLocation: SourceLocation = #_sourceLocation) {
    for (id, item) in states.stocks {
        #expect(item.available >= 0, "available of \(id)", sourceLocation: sourceLocation)
        for counter in [
            item.onHand, item.reserved, item.committed, item.damaged, item.incoming, item.backordered, item.safetyStock,
        ] {
            #expect(counter >= 0, "counter of \(id)", sourceLocation: sourceLocation)
        }
        #expect(
            item.reserved == item.reservations.values.reduce(0) { $0 + $1.reserved }, sourceLocation: sourceLocation)
        #expect(
            item.committed == item.reservations.values.reduce(0) { $0 + $1.committed }, sourceLocation: sourceLocation)
        #expect(
            item.backordered == item.reservations.values.reduce(0) { $0 + $1.backordered },
            sourceLocation: sourceLocation)
    }
    for (id, payment) in states.payments {
        #expect(0 <= payment.refundedMinorUnits, sourceLocation: sourceLocation)
        #expect(
            payment.refundedMinorUnits <= payment.capturedMinorUnits, "refund within capture \(id)",
            sourceLocation: sourceLocation)
        #expect(
            payment.capturedMinorUnits <= payment.authorizedMinorUnits, "capture within authorization \(id)",
            sourceLocation: sourceLocation)
        #expect(
            payment.authorizedMinorUnits <= payment.amountDueMinorUnits, "authorization within due \(id)",
            sourceLocation: sourceLocation)
    }
    for (id, order) in states.orders {
        #expect(
            0 <= order.refundedMinorUnits && order.refundedMinorUnits <= order.paidMinorUnits, "order refunds \(id)",
            sourceLocation: sourceLocation)
        guard let placement = order.placement else { continue }
        if [.paid, .partiallyShipped, .shipped, .delivered, .completed].contains(order.status) {
            #expect(
                order.paidMinorUnits >= placement.totalDue.minorUnits, "paid order \(id) is covered",
                sourceLocation: sourceLocation)
        }
        for line in placement.lines {
            let delivered = order.quantity(line.sku, inShipmentsAtLeast: .delivered)
            #expect(order.returnQuantity(line.sku) <= delivered, "returns of \(id)", sourceLocation: sourceLocation)
            #expect(
                order.quantity(line.sku, inShipmentsAtLeast: .allocated) <= line.quantity, "parcels of \(id)",
                sourceLocation: sourceLocation)
        }
    }
    for (code, coupon) in states.coupons {
        guard let definition = coupon.definition else { continue }
        #expect(
            coupon.used >= 0 && coupon.used <= definition.usageLimit, "coupon \(code) use",
            sourceLocation: sourceLocation)
        #expect(coupon.used == Int64(coupon.redemptions.count), sourceLocation: sourceLocation)
        for uses in coupon.usesByMember.values {
            #expect(
                uses > 0 && uses <= definition.perMemberLimit, "coupon \(code) per member",
                sourceLocation: sourceLocation)
        }
    }
    for (id, member) in states.members {
        #expect(member.pointsBalance >= 0, "points of \(id)", sourceLocation: sourceLocation)
        #expect(member.storeCreditMinorUnits >= 0, "store credit of \(id)", sourceLocation: sourceLocation)
    }
}

/// Folds a log from nothing.
func replay(_ log: [DomainEvent]) -> DomainStates {
    var states = DomainStates()
    states.apply(log)
    return states
}
