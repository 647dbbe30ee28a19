extension Order {
    /// Folds one event into the state.
    public static func evolve(_ state: OrderState, _ event: OrderEvent) -> OrderState {
        var next = state
        evolve(&next, event)
        return next
    }

    /// Folds one event into the state in place: an order's lists are appended to, not copied.
    public static func evolve(_ next: inout OrderState, _ event: consuming OrderEvent) {
        switch consume event {
        case .placed(let placement):
            next.status = .awaitingPayment
            next.placement = placement
        case .paymentAuthorized(let payment, let amount, _):
            next.authorizations.append(
                OrderAuthorization(
                    payment: payment, authorizedMinorUnits: amount.minorUnits, capturedMinorUnits: 0,
                    releasedMinorUnits: 0))
        case .authorizationReleased(let payment, let amount, _):
            guard let index = next.authorizationIndex(payment) else { break }
            next.authorizations[index].releasedMinorUnits += amount.minorUnits
        case .paymentRecorded(let payment, let amount, _):
            if !next.payments.contains(payment) { next.payments.append(payment) }
            next.paidMinorUnits += amount.minorUnits
            if let index = next.authorizationIndex(payment) {
                next.authorizations[index].capturedMinorUnits += amount.minorUnits
            }
        case .paid:
            next.status = .paid
        case .refundRecorded(_, let amount, let pointsReversed, _):
            next.refundedMinorUnits += amount.minorUnits
            next.pointsReversed += pointsReversed
        case .cancelled:
            next.status = .cancelled
        case .expired:
            next.status = .expired
        case .held:
            next.onHold = true
        case .holdReleased:
            next.onHold = false
        case .shipmentAllocated(let shipment, let lines, _):
            next.shipments.append(OrderShipment(id: shipment, lines: lines, status: .allocated))
        case .shipmentAllocationCancelled(let shipment, _):
            next.shipments.removeAll { $0.id == shipment }
        case .shipmentShipped(let shipment, _):
            next.setShipment(shipment, .shipped)
            next.status = next.everythingShipped ? .shipped : .partiallyShipped
        case .shipmentDelivered(let shipment, _):
            next.setShipment(shipment, .delivered)
            if next.everythingDelivered { next.status = .delivered }
        case .completed(let pointsEarned, _):
            next.status = .completed
            next.pointsEarned = pointsEarned
            next.refundedAtCompletionMinorUnits = next.refundedMinorUnits
        case .replacementDelivered(let afterSale, let shipment, let lines, _):
            next.replacements.append(OrderReplacement(afterSale: afterSale, shipment: shipment, lines: lines))
        case .chargePointsEarned(_, let points, _):
            next.pointsEarned += points
        case .returnReserved(let afterSale, let lines, _):
            next.returns[afterSale] = lines
        case .returnReleased(let afterSale, _):
            next.returns[afterSale] = nil
        case .chargeAdded(let afterSale, let amount, _):
            next.charges.append(OrderCharge(afterSale: afterSale, amountMinorUnits: amount.minorUnits, paid: false))
        case .chargeCancelled(let afterSale, _):
            next.charges.removeAll { $0.afterSale == afterSale }
        case .chargePaid(let afterSale, _):
            guard let index = next.charges.firstIndex(where: { $0.afterSale == afterSale }) else { break }
            next.charges[index].paid = true
        }
    }
}

extension OrderState {
    mutating func setShipment(_ id: ShipmentID, _ status: OrderShipmentStatus) {
        guard let index = shipments.firstIndex(where: { $0.id == id }) else { return }
        shipments[index].status = status
    }

    func authorizationIndex(_ payment: PaymentID) -> Int? {
        authorizations.firstIndex { $0.payment == payment }
    }
}
