extension AfterSaleFlow {
    /// Settles an exchange or claim with a replacement parcel from one warehouse.
    ///
    /// An exchange's price difference is the replacements at today's prices less the returned
    /// units at the prices paid: a negative difference is refunded at once through the first
    /// payment that can cover it, a positive one is recorded as owed by the buyer.
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
        var difference: Int64 = 0
        switch kind {
        case .return:
            throw .invalidTransition("arrangeReplacement for a return", from: "return")
        case .claim:
            replacements = state.lines
        case .exchange(let wanted):
            replacements = wanted
            difference = try priceDifference(returned: state.lines, wanted: wanted, placement, states)
        }
        let settle = AfterSaleCommand.arrangeReplacement(
            shipment: shipment, priceDifference: Money(minorUnits: difference, currency: placement.currency), at: at)
        var events = try AfterSale.decide(settle, state).map { DomainEvent.afterSale(id, $0) }
        for line in replacements {
            let item = StockItemID(sku: line.sku, warehouse: warehouse)
            let allocate = StockCommand.allocateReplacement(
                order: orderID, afterSale: id, quantity: line.quantity, at: at)
            events += try Stock.decide(allocate, states.stock(item)).map { .stock(item, $0) }
        }
        let parcel = ShipmentCommand.create(
            order: orderID, warehouse: warehouse, lines: replacements, kind: .replacement(id), at: at)
        events += try Shipment.decide(parcel, states.shipment(shipment)).map { .shipment(shipment, $0) }
        if difference < 0 {
            let owed = Money(minorUnits: -difference, currency: placement.currency)
            let payment = try refundablePayment(order, owed, states)
            events += try PaymentFlow.decide(payment, .refund(amount: owed, at: at), states, policy)
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
