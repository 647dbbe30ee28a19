extension Order {
    static func decideAllocation(_ shipment: ShipmentID, _ lines: [LineQuantity], _ state: OrderState) throws(Refusal) {
        try require(state, in: [.paid, .partiallyShipped], "allocateShipment")
        try requireNotHeld(state)
        try LineQuantity.validate(lines)
        guard !state.shipments.contains(where: { $0.id == shipment }) else {
            throw Refusal(.alreadyExists, "shipment \(shipment) is on the order")
        }
        guard state.shipments.count < Limits.shipmentsPerOrderMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.shipmentsPerOrderMax) shipments per order")
        }
        for line in lines {
            let ordered = state.orderedQuantity(line.sku)
            guard ordered > 0 else { throw .validation("SKU \(line.sku) is not on the order") }
            let open = ordered - state.quantity(line.sku, inShipmentsAtLeast: .allocated)
            guard line.quantity <= open else {
                throw .validation("only \(open) units of \(line.sku) are left to ship")
            }
        }
    }

    static func requireShipment(
        _ shipment: ShipmentID, _ status: OrderShipmentStatus, _ state: OrderState
    ) throws(Refusal) {
        guard let found = state.shipments.first(where: { $0.id == shipment }) else {
            throw Refusal(.notFound, "shipment \(shipment) is not on the order")
        }
        guard found.status == status else { throw .invalidTransition("shipment step", from: found.status) }
    }

    static func decideReturn(_ afterSale: AfterSaleID, _ lines: [LineQuantity], _ state: OrderState) throws(Refusal) {
        try require(state, in: [.partiallyShipped, .shipped, .delivered, .completed], "reserveReturn")
        try LineQuantity.validate(lines)
        guard state.returns[afterSale] == nil else { throw Refusal(.alreadyExists, "return \(afterSale) exists") }
        for line in lines {
            let open = state.deliveredQuantity(line.sku) - state.returnQuantity(line.sku)
            guard line.quantity <= open else {
                throw Refusal(.returnExceedsDelivered, "only \(open) delivered units of \(line.sku) can be returned")
            }
        }
    }

    static func decideReplacementDelivered(
        _ afterSale: AfterSaleID, _ shipment: ShipmentID, _ lines: [LineQuantity], _ state: OrderState
    ) throws(Refusal) {
        try LineQuantity.validate(lines)
        guard state.returns[afterSale] != nil else { throw Refusal(.notFound, "no return \(afterSale) on the order") }
        guard !state.replacements.contains(where: { $0.shipment == shipment }) else {
            throw Refusal(.alreadyExists, "replacement \(shipment) is already delivered")
        }
        guard state.replacements.count < Limits.shipmentsPerOrderMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.shipmentsPerOrderMax) replacements per order")
        }
    }
}
