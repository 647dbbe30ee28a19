extension Stock {
    /// Folds one event into the state.
    public static func evolve(_ state: StockState, _ event: StockEvent) -> StockState {
        var next = state
        evolve(&next, event)
        return next
    }

    /// Folds one event into the state in place: a hot SKU's open holds are never copied.
    public static func evolve(_ next: inout StockState, _ event: consuming StockEvent) {
        switch consume event {
        case .received(let quantity, _), .transferredIn(let quantity, _, _):
            next.onHand += quantity
            next.incoming -= min(next.incoming, quantity)
        case .incomingExpected(let quantity, _):
            next.incoming += quantity
        case .adjusted(let delta, let reason, _):
            next.onHand += delta
            if reason == .damage { next.damaged -= delta }
        case .safetyStockSet(let quantity, _):
            next.safetyStock = quantity
        case .reserved(let order, let quantity, let backordered, let expiresAt, _):
            next.reserved += quantity - backordered
            next.backordered += backordered
            next.reservations[order] = Reservation(
                reserved: quantity - backordered, committed: 0, backordered: backordered, expiresAt: expiresAt,
                paid: false)
        case .reservationCommitted(let order, let quantity, _):
            next.reserved -= quantity
            next.committed += quantity
            next.update(order) {
                $0.reserved -= quantity
                $0.committed += quantity
                $0.paid = true
            }
        case .backorderFilled(let order, let quantity, _):
            next.fillBackorder(order, quantity)
        case .reservationReleased(let order, let reserved, let committed, let backordered, _, _):
            next.reserved -= reserved
            next.committed -= committed
            next.backordered -= backordered
            next.reservations[order] = nil
        case .shipmentDeducted(let order, _, let quantity, _):
            next.onHand -= quantity
            next.committed -= quantity
            next.update(order) { $0.committed -= quantity }
        case .replacementAllocated(let order, _, let quantity, let at):
            next.committed += quantity
            var reservation =
                next.reservations[order]
                ?? Reservation(reserved: 0, committed: 0, backordered: 0, expiresAt: at, paid: true)
            reservation.committed += quantity
            reservation.paid = true
            next.reservations[order] = reservation
        case .replacementReleased(let order, _, let quantity, _):
            next.committed -= quantity
            next.update(order) { $0.committed -= quantity }
        case .returnRestocked(_, _, let quantity, _):
            next.onHand += quantity
        case .returnWrittenOff(_, _, let quantity, _):
            next.damaged += quantity
        case .damagedDisposed(let quantity, _):
            next.damaged -= quantity
        case .transferredOut(let quantity, _, _):
            next.onHand -= quantity
        }
    }
}

extension StockState {
    mutating func update(_ order: OrderID, _ change: (inout Reservation) -> Void) {
        guard var reservation = reservations[order] else { return }
        change(&reservation)
        reservations[order] = reservation.isEmpty && reservation.paid ? nil : reservation
    }

    mutating func fillBackorder(_ order: OrderID, _ quantity: Int64) {
        backordered -= quantity
        let paid = reservations[order]?.paid ?? false
        if paid { committed += quantity } else { reserved += quantity }
        update(order) {
            $0.backordered -= quantity
            if paid { $0.committed += quantity } else { $0.reserved += quantity }
        }
    }
}
