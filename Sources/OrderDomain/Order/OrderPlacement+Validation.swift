extension OrderPlacement {
    func validate() throws(Refusal) {
        try LineQuantity.validate(lines.map { LineQuantity(sku: $0.sku, quantity: $0.quantity) })
        try shippingAddress.validate()
        var subtotalMinor: Int64 = 0
        for line in lines {
            try Validation.amount(line.unitPrice, "unit price", allowZero: true)
            try Validation.sameCurrency(line.unitPrice, currency)
            let lineTotal = try Validation.multiply(line.unitPrice.minorUnits, line.quantity, "line total")
            subtotalMinor = try Validation.add(subtotalMinor, lineTotal, "subtotal")
        }
        for amount in [subtotal, couponDiscount, pointsDiscount] {
            try Validation.sameCurrency(amount, currency)
            try Validation.amount(amount, "amount", allowZero: true)
        }
        guard subtotal.minorUnits == subtotalMinor else { throw .validation("subtotal does not match the lines") }
        let discounts = try Validation.add(couponDiscount.minorUnits, pointsDiscount.minorUnits, "discounts")
        guard discounts <= subtotalMinor, totalDue.minorUnits == subtotalMinor - discounts else {
            throw .validation("total due must be the subtotal less discounts, and not negative")
        }
        guard pointsRedeemed >= 0, (pointsRedeemed == 0) == (pointsDiscount.minorUnits == 0) else {
            throw .validation("points redeemed and points discount must go together")
        }
        guard coupon != nil || couponDiscount.minorUnits == 0 else {
            throw .validation("a coupon discount needs a coupon")
        }
        guard paymentDueAt > placedAt else { throw .validation("payment must be due after placement") }
        try validateAllocations()
    }

    private func validateAllocations() throws(Refusal) {
        guard allocations.count <= Limits.orderLineCountMax * 16 else {
            throw Refusal(.limitExceeded, "too many stock allocations")
        }
        for line in lines {
            var held: Int64 = 0
            for allocation in allocations where allocation.item.sku == line.sku {
                guard allocation.quantity > 0, allocation.backordered >= 0,
                    allocation.backordered <= allocation.quantity
                else { throw .validation("allocation quantities must be positive and cover backorders") }
                held = try Validation.add(held, allocation.quantity, "allocated quantity")
            }
            guard held == line.quantity else { throw .validation("allocations for \(line.sku) must cover its line") }
        }
        for allocation in allocations where !lines.contains(where: { $0.sku == allocation.item.sku }) {
            throw .validation("allocation for \(allocation.item.sku) has no line")
        }
    }
}
