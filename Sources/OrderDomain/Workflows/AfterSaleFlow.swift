/// After-sale steps and their consequences: requests set delivered units aside on the order,
/// received goods go back to stock or are written off, refunds go through the payment, and
/// replacements commit stock and create a parcel.
public enum AfterSaleFlow {
    /// Opens a return, exchange or claim for delivered units of the buyer's own order.
    public static func request(
        _ id: AfterSaleID, order orderID: OrderID, member: MemberID, kind: AfterSaleKind, lines: [LineQuantity],
        reason: String, at: Timestamp, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let order = states.order(orderID)
        guard let placement = order.placement else { throw Refusal(.notFound, "order \(orderID) was never placed") }
        guard placement.member == member else { throw .validation("order \(orderID) belongs to another member") }
        try requirePricedLines(kind, lines, placement)
        let opened = try AfterSale.decide(
            .request(order: orderID, member: member, kind: kind, lines: lines, reason: reason, at: at),
            states.afterSale(id))
        let reserved = try Order.decide(.reserveReturn(afterSale: id, lines: lines, at: at), order, policy)
        return opened.map { .afterSale(id, $0) } + reserved.map { .order(orderID, $0) }
    }

    /// Applies an after-sale step (approve, decline, receive goods, close) and its
    /// consequences; refunds and replacements have their own functions.
    public static func decide(
        _ id: AfterSaleID, _ command: AfterSaleCommand, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let state = states.afterSale(id)
        switch command {
        case .request, .refund, .arrangeReplacement, .recordReplacementCancelled, .recordDifferencePaid:
            throw .validation("use the dedicated after-sale function for this step")
        case .approve:
            return try AfterSale.decide(command, state).map { .afterSale(id, $0) }
        case .decline(_, let at), .close(let at):
            if let parcel = state.replacementShipment, states.shipment(parcel).status == .created {
                throw .invalidTransition("close before the replacement leaves", from: "replacement \(parcel) created")
            }
            let events = try AfterSale.decide(command, state).map { DomainEvent.afterSale(id, $0) }
            guard let orderID = state.order, [.requested, .approved].contains(state.status) else { return events }
            let released = try Order.decide(.releaseReturn(afterSale: id, at: at), states.order(orderID), policy)
            return events + released.map { .order(orderID, $0) }
        case .receiveGoods(let warehouse, let good, let damaged, let at):
            var events = try AfterSale.decide(command, state).map { DomainEvent.afterSale(id, $0) }
            guard let orderID = state.order else { return events }
            for line in good {
                let item = StockItemID(sku: line.sku, warehouse: warehouse)
                let restock = StockCommand.restockReturn(order: orderID, afterSale: id, quantity: line.quantity, at: at)
                events += try Stock.decide(restock, states.stock(item)).map { .stock(item, $0) }
            }
            for line in damaged {
                let item = StockItemID(sku: line.sku, warehouse: warehouse)
                let writeOff = StockCommand.writeOffReturn(
                    order: orderID, afterSale: id, quantity: line.quantity, at: at)
                events += try Stock.decide(writeOff, states.stock(item)).map { .stock(item, $0) }
            }
            return events
        }
    }

    /// Settles a return, claim or exchange with money back through one of the order's
    /// payments, never more than the case's units at the prices paid, plus a price difference
    /// the buyer paid, less what the case already gave back.
    public static func refund(
        _ id: AfterSaleID, payment: PaymentID, amount: Money, at: Timestamp, _ states: some DomainStateReading,
        _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let state = states.afterSale(id)
        let settled = try AfterSale.decide(.refund(payment: payment, amount: amount, at: at), state)
        guard let orderID = state.order, states.payment(payment).order == orderID else {
            throw .validation("payment \(payment) did not pay for this order")
        }
        let order = states.order(orderID)
        let refundable = order.refundableMinorUnits
        guard amount.minorUnits <= refundable else {
            throw Refusal(.amountExceedsRefundable, "\(refundable) refundable on the order, \(amount.minorUnits) asked")
        }
        let owed = try caseRefundable(state, order)
        guard amount.minorUnits <= owed else {
            throw Refusal(.amountExceedsRefundable, "\(owed) refundable for this case, \(amount.minorUnits) asked")
        }
        let refunded = try PaymentFlow.decide(payment, .refund(amount: amount, at: at), states, policy)
        return settled.map { .afterSale(id, $0) } + refunded
    }

    /// Money for returned units is reckoned at the prices the order paid, so only a claim,
    /// settled by a like-for-like replacement, may cover units of a SKU the order never bought
    /// (units that arrived through an exchange).
    static func requirePricedLines(
        _ kind: AfterSaleKind, _ lines: [LineQuantity], _ placement: OrderPlacement
    ) throws(Refusal) {
        if case .claim = kind { return }
        for line in lines where !placement.lines.contains(where: { $0.sku == line.sku }) {
            throw .validation("\(line.sku) is not an order line: only a claim can cover it")
        }
    }

    static func caseRefundable(_ state: AfterSaleState, _ order: OrderState) throws(Refusal) -> Int64 {
        var value: Int64 = 0
        for line in state.lines {
            let price = order.placement?.lines.first { $0.sku == line.sku }?.unitPrice.minorUnits ?? 0
            value = try Validation.add(value, try Validation.multiply(price, line.quantity, "case value"), "case value")
        }
        if state.differenceSettled, let difference = state.priceDifference {
            value = try Validation.add(value, difference.minorUnits, "case value")
        }
        return value - state.refundedMinorUnits
    }
}
