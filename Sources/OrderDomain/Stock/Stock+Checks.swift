extension Stock {
    static func requireAvailable(_ state: StockState, _ quantity: Int64) throws(Refusal) {
        guard quantity <= state.available else {
            throw Refusal(.insufficientStock, "\(quantity) requested, \(state.available) available")
        }
    }

    static func checkOnHandGrows(_ state: StockState, by quantity: Int64) throws(Refusal) {
        _ = try Validation.add(state.onHand, quantity, "on hand")
    }

    static func held(_ order: OrderID, _ state: StockState) throws(Refusal) -> Reservation {
        guard let reservation = state.reservations[order] else {
            throw Refusal(.notFound, "order \(order) holds nothing here")
        }
        return reservation
    }

    static func requireRoom(for order: OrderID, _ state: StockState) throws(Refusal) {
        guard state.reservations[order] != nil || state.reservations.count < Limits.reservationsPerStockItemMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.reservationsPerStockItemMax) open reservations")
        }
    }

    static func decideAdjust(delta: Int64, reason: AdjustmentReason, _ state: StockState) throws(Refusal) {
        guard delta != 0, delta >= -Limits.quantityMax, delta <= Limits.quantityMax else {
            throw .validation("delta must be non-zero and within ±\(Limits.quantityMax)")
        }
        switch reason {
        case .correction, .cycleCount:
            break
        case .damage, .shrinkage:
            guard delta < 0 else { throw .validation("\(reason.rawValue) only lowers stock") }
        case .found:
            guard delta > 0 else { throw .validation("found only raises stock") }
        }
        if delta < 0 {
            try requireAvailable(state, -delta)
        } else {
            try checkOnHandGrows(state, by: delta)
        }
        if reason == .damage {
            _ = try Validation.add(state.damaged, -delta, "damaged")
        }
    }

    static func decideReserve(
        _ order: OrderID, _ quantity: Int64, _ expiresAt: Timestamp, _ backorderAllowed: Bool, _ at: Timestamp,
        _ state: StockState
    ) throws(Refusal) -> StockEvent {
        try Validation.positive(quantity, "quantity")
        guard state.reservations[order] == nil else {
            throw Refusal(.alreadyExists, "order \(order) already holds stock here")
        }
        try requireRoom(for: order, state)
        let free = max(0, state.available)
        guard quantity <= free || backorderAllowed else {
            throw Refusal(.insufficientStock, "\(quantity) requested, \(free) available")
        }
        let backordered = quantity > free ? quantity - free : 0
        return .reserved(order: order, quantity: quantity, backordered: backordered, expiresAt: expiresAt, at: at)
    }

    static func decideRelease(
        _ order: OrderID, _ reason: ReleaseReason, _ at: Timestamp, _ state: StockState
    ) throws(Refusal) -> StockEvent {
        let reservation = try held(order, state)
        switch reason {
        case .cancelled:
            break
        case .expired:
            guard !reservation.paid else { throw .invalidTransition("release by expiry", from: "committed") }
            guard at >= reservation.expiresAt else {
                throw Refusal(.notYetExpired, "reservation expires at \(reservation.expiresAt)")
            }
        }
        return .reservationReleased(
            order: order, reserved: reservation.reserved, committed: reservation.committed,
            backordered: reservation.backordered, reason: reason, at: at)
    }
}
