extension AfterSaleFlow {
    /// Settles an exchange or claim with a replacement parcel from one warehouse.
    ///
    /// An exchange's price difference is the replacements at today's prices less the returned
    /// units at the prices paid, quoted once and kept if the replacement is arranged again: a
    /// negative difference is refunded at once through the first payment that can cover it; a
    /// positive one is charged on the order, and the case waits for the buyer to pay it.
    public static func arrangeReplacement(
        _ id: AfterSaleID, shipment: ShipmentID, warehouse: WarehouseID, at: Timestamp,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let state = states.afterSale(id)
        guard let orderID = state.order, let kind = state.kind else {
            throw Refusal(.notFound, "after-sale case was never opened")
        }
        let order = states.order(orderID)
        guard let placement = order.placement else { throw Refusal(.notFound, "order \(orderID) was never placed") }
        let replacements: [LineQuantity]
        var difference = state.priceDifference ?? Money(minorUnits: 0, currency: placement.currency)
        switch kind {
        case .return:
            throw .invalidTransition("arrangeReplacement for a return", from: "return")
        case .claim:
            replacements = state.lines
        case .exchange(let wanted):
            replacements = wanted
            if state.priceDifference == nil {
                let quoted = try priceDifference(returned: state.lines, wanted: wanted, placement, states)
                difference = Money(minorUnits: quoted, currency: placement.currency)
            }
        }
        let settle = AfterSaleCommand.arrangeReplacement(shipment: shipment, priceDifference: difference, at: at)
        let settled = try AfterSale.decide(settle, state)
        var events = settled.map { DomainEvent.afterSale(id, $0) }
        for line in replacements {
            let item = StockItemID(sku: line.sku, warehouse: warehouse)
            let allocate = StockCommand.allocateReplacement(
                order: orderID, afterSale: id, quantity: line.quantity, at: at)
            events += try Stock.decide(allocate, states.stock(item)).map { .stock(item, $0) }
        }
        let parcel = ShipmentCommand.create(
            order: orderID, warehouse: warehouse, lines: replacements, kind: .replacement(id), at: at)
        events += try Shipment.decide(parcel, states.shipment(shipment)).map { .shipment(shipment, $0) }
        return events + (try settleDifference(id, settled, state, order, at, states, policy))
    }

    /// Refunds a negative difference the first time it is quoted, or charges a positive one
    /// on the order; captures that already cover the charge settle it at once.
    static func settleDifference(
        _ id: AfterSaleID, _ settled: [AfterSaleEvent], _ state: AfterSaleState, _ order: OrderState, _ at: Timestamp,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        guard let orderID = state.order, let difference = settled.first?.priceDifference else { return [] }
        if difference.minorUnits < 0 && !state.differenceSettled {
            let owed = Money(minorUnits: -difference.minorUnits, currency: difference.currency)
            let payment = try refundablePayment(order, owed, states)
            return try PaymentFlow.decide(payment, .refund(amount: owed, at: at), states, policy)
        }
        guard settled.contains(.differenceOwed(amount: difference, at: at)) else { return [] }
        let charged = try Order.decide(.addCharge(afterSale: id, amount: difference, at: at), order, policy)
        var events = charged.map { DomainEvent.order(orderID, $0) }
        events += try OrderFlow.creditChargePoints(charged, orderID, states)
        if charged.contains(.chargePaid(afterSale: id, at: at)) {
            let owing = settled.reduce(state, AfterSale.evolve)
            events += try AfterSale.decide(.recordDifferencePaid(at: at), owing).map { .afterSale(id, $0) }
        }
        return events
    }

    static func priceDifference(
        returned: [LineQuantity], wanted: [LineQuantity], _ placement: OrderPlacement, _ states: some DomainStateReading
    ) throws(Refusal) -> Int64 {
        var difference: Int64 = 0
        for line in wanted {
            let sku = states.catalog(line.sku)
            guard let definition = sku.definition else { throw Refusal(.unknownSKU, "SKU \(line.sku) is unknown") }
            guard sku.status == .listed else { throw Refusal(.skuDelisted, "SKU \(line.sku) is not on sale") }
            try Validation.sameCurrency(definition.price, placement.currency)
            difference = try Validation.add(
                difference, try Validation.multiply(definition.price.minorUnits, line.quantity, "replacement"),
                "difference")
        }
        for line in returned {
            let paid = placement.lines.first { $0.sku == line.sku }?.unitPrice.minorUnits ?? 0
            difference = try Validation.add(
                difference, -(try Validation.multiply(paid, line.quantity, "returned")), "difference")
        }
        return difference
    }

    static func refundablePayment(_ order: OrderState, _ amount: Money, _ states: some DomainStateReading)
        throws(Refusal) -> PaymentID
    {
        for id in order.payments {
            let payment = states.payment(id)
            if payment.capturedMinorUnits - payment.refundedMinorUnits >= amount.minorUnits { return id }
        }
        throw Refusal(.amountExceedsCaptured, "no payment of the order can refund \(amount.minorUnits)")
    }
}

extension AfterSaleEvent {
    var priceDifference: Money? {
        guard case .replacementArranged(_, let difference, _) = self else { return nil }
        return difference
    }
}
