/// The order decider: the life of one order from placement to completion.
public enum Order {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(
        _ command: OrderCommand, _ state: OrderState, _ policy: DomainPolicy
    ) throws(Refusal) -> [OrderEvent] {
        if case .place(let placement) = command {
            guard state.status == .none else { throw Refusal(.alreadyExists, "order \(placement.order) exists") }
            try placement.validate()
            return placement.totalDue.minorUnits == 0
                ? [.placed(placement), .paid(at: placement.placedAt)] : [.placed(placement)]
        }
        guard let placement = state.placement else { throw Refusal(.notFound, "order was never placed") }
        switch command {
        case .place:
            preconditionFailure("handled above")
        case .recordAuthorization(let payment, let amount, let at):
            return [try decideAuthorization(payment, amount, at, state, placement)]
        case .releaseAuthorization(let payment, let amount, let at):
            return [try decideRelease(payment, amount, at, state, placement)]
        case .recordPayment(let payment, let amount, let at):
            return try decidePayment(payment, amount, at, state, placement, policy)
        case .recordRefund(let payment, let amount, let at):
            return [try decideRefund(payment, amount, at, state, placement)]
        case .cancel(let reason, let at):
            try Validation.text(reason, "reason")
            try require(state, in: [.awaitingPayment, .paid], "cancel")
            guard state.shipments.isEmpty else { throw .invalidTransition("cancel with parcels", from: state.status) }
            return [.cancelled(reason: reason, at: at)]
        case .expire(let at):
            try require(state, in: [.awaitingPayment], "expire")
            guard at >= placement.paymentDueAt else {
                throw Refusal(.notYetExpired, "payment is due at \(placement.paymentDueAt)")
            }
            return [.expired(at: at)]
        case .hold(let reason, let at):
            try Validation.text(reason, "reason")
            try require(state, in: [.awaitingPayment, .paid, .partiallyShipped, .shipped, .delivered], "hold")
            guard !state.onHold else { throw .invalidTransition("hold", from: "on hold") }
            return [.held(reason: reason, at: at)]
        case .releaseHold(let at):
            guard state.onHold else { throw .invalidTransition("releaseHold", from: "not on hold") }
            return [.holdReleased(at: at)]
        case .allocateShipment(let shipment, let lines, let at):
            try decideAllocation(shipment, lines, state)
            return [.shipmentAllocated(shipment: shipment, lines: lines, at: at)]
        case .cancelShipment(let shipment, let at):
            try requireShipment(shipment, .allocated, state)
            return [.shipmentAllocationCancelled(shipment: shipment, at: at)]
        case .recordShipped(let shipment, let at):
            try requireNotHeld(state)
            try requireShipment(shipment, .allocated, state)
            return [.shipmentShipped(shipment: shipment, at: at)]
        case .recordDelivered(let shipment, let at):
            try requireShipment(shipment, .shipped, state)
            return [.shipmentDelivered(shipment: shipment, at: at)]
        case .complete(let at):
            try require(state, in: [.delivered], "complete")
            try requireNotHeld(state)
            return [.completed(pointsEarned: try pointsEarned(state, placement, policy), at: at)]
        case .reserveReturn(let afterSale, let lines, let at):
            try decideReturn(afterSale, lines, state)
            return [.returnReserved(afterSale: afterSale, lines: lines, at: at)]
        case .releaseReturn(let afterSale, let at):
            guard state.returns[afterSale] != nil else {
                throw Refusal(.notFound, "no return \(afterSale) on the order")
            }
            return [.returnReleased(afterSale: afterSale, at: at)]
        case .recordReplacementDelivered(let afterSale, let shipment, let lines, let at):
            try decideReplacementDelivered(afterSale, shipment, lines, state)
            return [.replacementDelivered(afterSale: afterSale, shipment: shipment, lines: lines, at: at)]
        case .addCharge(let afterSale, let amount, let at):
            return try decideCharge(afterSale, amount, at, state, placement, policy)
        case .cancelCharge(let afterSale, let at):
            guard let charge = state.charges.first(where: { $0.afterSale == afterSale }) else {
                throw Refusal(.notFound, "no charge for \(afterSale) on the order")
            }
            guard !charge.paid else { throw .invalidTransition("cancelCharge", from: "paid") }
            return [.chargeCancelled(afterSale: afterSale, at: at)]
        }
    }

    static func require(_ state: OrderState, in allowed: [OrderStatus], _ command: StaticString) throws(Refusal) {
        guard allowed.contains(state.status) else { throw .invalidTransition(command, from: state.status) }
    }

    static func requireNotHeld(_ state: OrderState) throws(Refusal) {
        guard !state.onHold else { throw Refusal(.orderOnHold, "the order is on hold") }
    }
}
