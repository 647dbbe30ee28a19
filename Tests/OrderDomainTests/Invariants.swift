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
        #expect(
            payment.capturedMinorUnits + payment.releasedMinorUnits <= payment.authorizedMinorUnits,
            "capture and release within authorization \(id)", sourceLocation: sourceLocation)
    }
    checkOrderPayments(states, sourceLocation: sourceLocation)
    for (id, order) in states.orders {
        #expect(
            0 <= order.refundedMinorUnits && order.refundedMinorUnits <= order.paidMinorUnits, "order refunds \(id)",
            sourceLocation: sourceLocation)
        guard let placement = order.placement else { continue }
        if [.paid, .partiallyShipped, .shipped, .delivered, .completed].contains(order.status) {
            let paidCharges = order.charges.filter(\.paid).reduce(0) { $0 + $1.amountMinorUnits }
            #expect(
                order.paidMinorUnits >= placement.totalDue.minorUnits + paidCharges,
                "paid order \(id) and its paid charges are covered", sourceLocation: sourceLocation)
        }
        for charge in order.charges {
            #expect(charge.amountMinorUnits > 0, sourceLocation: sourceLocation)
            #expect(
                charge.paid == (states.afterSale(charge.afterSale).status != .awaitingDifference),
                "charge of \(charge.afterSale) is unpaid exactly while its case awaits the difference",
                sourceLocation: sourceLocation)
        }
        let returned = Set(order.returns.values.flatMap { $0.map(\.sku) })
        for sku in returned.union(placement.lines.map(\.sku)) {
            #expect(
                order.returnQuantity(sku) <= order.deliveredQuantity(sku), "returns of \(sku) on \(id)",
                sourceLocation: sourceLocation)
        }
        for line in placement.lines {
            #expect(
                order.quantity(line.sku, inShipmentsAtLeast: .allocated) <= line.quantity, "parcels of \(id)",
                sourceLocation: sourceLocation)
        }
    }
    for (id, afterSale) in states.afterSales where afterSale.status == .awaitingDifference {
        let charged = afterSale.order.map { states.order($0).charges.contains { $0.afterSale == id } } ?? false
        #expect(charged, "case \(id) awaits a difference the order charges", sourceLocation: sourceLocation)
    }
    for (id, shipment) in states.shipments {
        guard case .replacement(let afterSale) = shipment.kind,
            [.shipped, .inTransit, .delivered].contains(shipment.status)
        else { continue }
        let difference = states.afterSale(afterSale).priceDifference?.minorUnits ?? 0
        #expect(
            difference <= 0 || states.afterSale(afterSale).differenceSettled, "replacement \(id) left unpaid",
            sourceLocation: sourceLocation)
    }
    checkCommittedStock(states, sourceLocation: sourceLocation)
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

/// An order's payments together never capture, nor hold open, more than it owes, and the
/// order sees each payment's authorization exactly as the payment does.
func checkOrderPayments(_ states: DomainStates, sourceLocation: SourceLocation) {
    for (id, order) in states.orders where order.placement != nil {
        #expect(
            order.paidMinorUnits <= order.amountDueMinorUnits, "captures of \(id) within its amount due",
            sourceLocation: sourceLocation)
        #expect(
            order.openAuthorizedMinorUnits <= order.amountDueMinorUnits, "open authorizations of \(id) within due",
            sourceLocation: sourceLocation)
        #expect(
            order.paidMinorUnits == order.authorizations.reduce(0) { $0 + $1.capturedMinorUnits },
            "captures of \(id) all come from its authorizations", sourceLocation: sourceLocation)
        for authorization in order.authorizations {
            let payment = states.payment(authorization.payment)
            #expect(payment.order == id, sourceLocation: sourceLocation)
            #expect(payment.authorizedMinorUnits == authorization.authorizedMinorUnits, sourceLocation: sourceLocation)
            #expect(payment.capturedMinorUnits == authorization.capturedMinorUnits, sourceLocation: sourceLocation)
            #expect(
                payment.authorizedMinorUnits - payment.capturedMinorUnits - payment.uncapturedMinorUnits
                    == authorization.releasedMinorUnits,
                "released of \(authorization.payment)", sourceLocation: sourceLocation)
        }
    }
}

/// Every paid order holds committed exactly its allocated units not backordered, less those
/// its own parcels took away, plus the units of replacement parcels still in the warehouse.
func checkCommittedStock(_ states: DomainStates, sourceLocation: SourceLocation) {
    let live: [OrderStatus] = [.paid, .partiallyShipped, .shipped, .delivered, .completed]
    for (orderID, order) in states.orders where live.contains(order.status) {
        guard let placement = order.placement else { continue }
        var expected: [StockItemID: Int64] = [:]
        for allocation in placement.allocations {
            let backordered = states.stock(allocation.item).reservations[orderID]?.backordered ?? 0
            expected[allocation.item, default: 0] += allocation.quantity - backordered
        }
        for shipment in states.shipments.values where shipment.order == orderID {
            guard let warehouse = shipment.warehouse else { continue }
            for line in shipment.lines {
                let item = StockItemID(sku: line.sku, warehouse: warehouse)
                switch (shipment.kind, shipment.status) {
                case (.order, .shipped), (.order, .inTransit), (.order, .delivered):
                    expected[item, default: 0] -= line.quantity
                case (.replacement, .created):
                    expected[item, default: 0] += line.quantity
                case (.order, _), (.replacement, _):
                    break
                }
            }
        }
        for (item, stock) in states.stocks where stock.reservations[orderID] != nil && expected[item] == nil {
            expected[item] = 0
        }
        for (item, units) in expected {
            #expect(
                (states.stock(item).reservations[orderID]?.committed ?? 0) == units, "committed \(item) for \(orderID)",
                sourceLocation: sourceLocation)
        }
    }
}

/// Folds a log from nothing.
func replay(_ log: [DomainEvent]) -> DomainStates {
    var states = DomainStates()
    states.apply(log)
    return states
}
