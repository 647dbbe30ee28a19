extension ShipmentFlow {
    /// A replacement leaves only once the buyer paid any price difference and the order is
    /// not on hold.
    static func requireReplacementMayLeave(
        _ afterSale: AfterSaleID, _ state: ShipmentState, _ states: some DomainStateReading
    ) throws(Refusal) {
        guard states.afterSale(afterSale).status != .awaitingDifference else {
            throw Refusal(.priceDifferenceUnpaid, "the price difference of \(afterSale) is not paid")
        }
        if let orderID = state.order, states.order(orderID).onHold {
            throw Refusal(.orderOnHold, "the order is on hold")
        }
    }

    /// Gives the replacement's committed units back to available, reopens the case so it can
    /// be settled again, and drops a charge the buyer has not paid along with what payments
    /// authorized for it.
    static func cancelReplacement(
        _ id: ShipmentID, _ afterSale: AfterSaleID, _ state: ShipmentState, _ orderID: OrderID,
        _ warehouse: WarehouseID, _ at: Timestamp, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        var result: [DomainEvent] = []
        for line in state.lines {
            let item = StockItemID(sku: line.sku, warehouse: warehouse)
            let release = StockCommand.releaseReplacement(
                order: orderID, afterSale: afterSale, quantity: line.quantity, at: at)
            result += try Stock.decide(release, states.stock(item)).map { .stock(item, $0) }
        }
        let reopened = try AfterSale.decide(
            .recordReplacementCancelled(shipment: id, at: at), states.afterSale(afterSale))
        result += reopened.map { .afterSale(afterSale, $0) }
        let order = states.order(orderID)
        if order.charges.contains(where: { $0.afterSale == afterSale && !$0.paid }) {
            let dropped = try Order.decide(.cancelCharge(afterSale: afterSale, at: at), order, policy)
            result += dropped.map { .order(orderID, $0) }
            result += try PaymentFlow.releaseExcess(orderID, dropped.reduce(order, Order.evolve), at, states, policy)
        }
        return result
    }
}
