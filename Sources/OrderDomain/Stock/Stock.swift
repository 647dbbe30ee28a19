/// The stock item decider: counters for one SKU in one warehouse that never oversell.
public enum Stock {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: StockCommand, _ state: StockState) throws(Refusal) -> [StockEvent] {
        switch command {
        case .receive(let quantity, let at):
            try Validation.positive(quantity, "quantity")
            try checkOnHandGrows(state, by: quantity)
            return [.received(quantity: quantity, at: at)]
        case .expectIncoming(let quantity, let at):
            try Validation.positive(quantity, "quantity")
            _ = try Validation.add(state.incoming, quantity, "incoming")
            return [.incomingExpected(quantity: quantity, at: at)]
        case .adjust(let delta, let reason, let at):
            try decideAdjust(delta: delta, reason: reason, state)
            return [.adjusted(delta: delta, reason: reason, at: at)]
        case .setSafetyStock(let quantity, let at):
            try Validation.nonNegative(quantity, "safety stock")
            guard quantity != state.safetyStock else {
                throw .invalidTransition("setSafetyStock to the current level", from: quantity)
            }
            try requireAvailable(state, quantity - state.safetyStock)
            return [.safetyStockSet(quantity: quantity, at: at)]
        case .reserve(let order, let quantity, let expiresAt, let backorderAllowed, let at):
            return [try decideReserve(order, quantity, expiresAt, backorderAllowed, at, state)]
        case .commit(let order, let at):
            let reservation = try held(order, state)
            guard !reservation.paid else { throw .invalidTransition("commit", from: "committed") }
            return [.reservationCommitted(order: order, quantity: reservation.reserved, at: at)]
        case .fillBackorder(let order, let quantity, let at):
            try Validation.positive(quantity, "quantity")
            let reservation = try held(order, state)
            guard quantity <= reservation.backordered else {
                throw .validation("order \(order) has \(reservation.backordered) backordered, not \(quantity)")
            }
            try requireAvailable(state, quantity)
            return [.backorderFilled(order: order, quantity: quantity, at: at)]
        case .release(let order, let reason, let at):
            return [try decideRelease(order, reason, at, state)]
        case .deductForShipment(let order, let shipment, let quantity, let at):
            try Validation.positive(quantity, "quantity")
            let reservation = try held(order, state)
            guard quantity <= reservation.committed else {
                throw Refusal(
                    .insufficientStock, "order \(order) has \(reservation.committed) committed, cannot ship \(quantity)"
                )
            }
            return [.shipmentDeducted(order: order, shipment: shipment, quantity: quantity, at: at)]
        case .allocateReplacement(let order, let afterSale, let quantity, let at):
            try Validation.positive(quantity, "quantity")
            try requireAvailable(state, quantity)
            try requireRoom(for: order, state)
            return [.replacementAllocated(order: order, afterSale: afterSale, quantity: quantity, at: at)]
        case .releaseReplacement(let order, let afterSale, let quantity, let at):
            try Validation.positive(quantity, "quantity")
            let reservation = try held(order, state)
            guard quantity <= reservation.committed else {
                throw .validation("order \(order) has \(reservation.committed) committed, cannot release \(quantity)")
            }
            return [.replacementReleased(order: order, afterSale: afterSale, quantity: quantity, at: at)]
        case .restockReturn(let order, let afterSale, let quantity, let at):
            try Validation.positive(quantity, "quantity")
            try checkOnHandGrows(state, by: quantity)
            return [.returnRestocked(order: order, afterSale: afterSale, quantity: quantity, at: at)]
        case .writeOffReturn(let order, let afterSale, let quantity, let at):
            try Validation.positive(quantity, "quantity")
            _ = try Validation.add(state.damaged, quantity, "damaged")
            return [.returnWrittenOff(order: order, afterSale: afterSale, quantity: quantity, at: at)]
        case .disposeDamaged(let quantity, let at):
            try Validation.positive(quantity, "quantity")
            guard quantity <= state.damaged else {
                throw .validation("only \(state.damaged) damaged units to dispose of")
            }
            return [.damagedDisposed(quantity: quantity, at: at)]
        case .transferOut(let quantity, let destination, let at):
            try Validation.positive(quantity, "quantity")
            try requireAvailable(state, quantity)
            return [.transferredOut(quantity: quantity, to: destination, at: at)]
        case .transferIn(let quantity, let source, let at):
            try Validation.positive(quantity, "quantity")
            try checkOnHandGrows(state, by: quantity)
            return [.transferredIn(quantity: quantity, from: source, at: at)]
        }
    }
}
