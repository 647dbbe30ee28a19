extension Checkout {
    struct PricedLines {
        var lines: [OrderLine]
        var categoryPaths: [[String]]
        var backorderAllowed: [Bool]
    }

    static func price(_ requests: [LineQuantity], _ states: some DomainStateReading) throws(Refusal) -> PricedLines {
        var priced = PricedLines(lines: [], categoryPaths: [], backorderAllowed: [])
        priced.lines.reserveCapacity(requests.count)
        for request in requests {
            let sku = states.catalog(request.sku)
            guard let definition = sku.definition else { throw Refusal(.unknownSKU, "SKU \(request.sku) is unknown") }
            switch sku.status {
            case .listed:
                break
            case .unregistered, .unlisted:
                throw Refusal(.skuDelisted, "SKU \(request.sku) is not on sale")
            }
            if let first = priced.lines.first, first.unitPrice.currency != definition.price.currency {
                throw .validation("one order cannot mix \(first.unitPrice.currency) and \(definition.price.currency)")
            }
            priced.lines.append(OrderLine(sku: request.sku, quantity: request.quantity, unitPrice: definition.price))
            priced.categoryPaths.append(definition.categoryPath)
            priced.backorderAllowed.append(definition.backorderAllowed)
        }
        return priced
    }

    static func sum(_ lines: [OrderLine]) throws(Refusal) -> Money {
        var total: Int64 = 0
        for line in lines {
            let lineTotal = try Validation.multiply(line.unitPrice.minorUnits, line.quantity, "line total")
            total = try Validation.add(total, lineTotal, "subtotal")
        }
        guard total <= Limits.amountMinorUnitsMax else { throw .validation("order total is too large") }
        return Money(minorUnits: total, currency: lines[0].unitPrice.currency)
    }

    static func discount(
        _ command: PlaceOrder, _ priced: PricedLines, _ states: some DomainStateReading
    ) throws(Refusal) -> Money {
        let currency = priced.lines[0].unitPrice.currency
        guard let code = command.coupon else { return .zero(currency) }
        let state = states.coupon(code)
        try Coupon.checkRedeemable(state, member: command.member, at: command.at)
        guard let definition = state.definition, definition.currency == currency else {
            throw Refusal(.couponNotApplicable, "coupon \(code) is not valid for \(currency)")
        }
        var lines: [CouponLine] = []
        lines.reserveCapacity(priced.lines.count)
        for (index, line) in priced.lines.enumerated() {
            lines.append(CouponLine(line: line, categoryPath: priced.categoryPaths[index]))
        }
        return try Coupon.discount(definition, for: lines)
    }

    /// Fills each line from warehouses in ascending id order; what no warehouse has goes to
    /// the first warehouse as a backorder when the SKU allows it.
    static func allocate(
        _ lines: [OrderLine], _ backorderAllowed: [Bool], _ states: some DomainStateReading
    ) throws(Refusal) -> [StockAllocation] {
        var allocations: [StockAllocation] = []
        allocations.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let warehouses = states.warehouses(stocking: line.sku)
            let firstForLine = allocations.count
            var remaining = line.quantity
            for warehouse in warehouses where remaining > 0 {
                let item = StockItemID(sku: line.sku, warehouse: warehouse)
                let take = min(remaining, max(0, states.stock(item).available))
                guard take > 0 else { continue }
                allocations.append(StockAllocation(item: item, quantity: take, backordered: 0))
                remaining -= take
            }
            guard remaining > 0 else { continue }
            guard backorderAllowed[index], let first = warehouses.first else {
                throw .unitsShort(available: line.quantity - remaining, wanted: line.quantity, sku: line.sku)
            }
            let item = StockItemID(sku: line.sku, warehouse: first)
            if allocations.count > firstForLine, allocations[firstForLine].item == item {
                let taken = allocations[firstForLine].quantity
                allocations[firstForLine] = StockAllocation(
                    item: item, quantity: taken + remaining, backordered: remaining)
            } else {
                allocations.insert(
                    StockAllocation(item: item, quantity: remaining, backordered: remaining), at: firstForLine)
            }
        }
        return allocations
    }
}
