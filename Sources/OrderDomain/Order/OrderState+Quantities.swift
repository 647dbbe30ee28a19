extension OrderState {
    /// Units of a SKU ordered.
    public func orderedQuantity(_ sku: SKUID) -> Int64 {
        placement?.lines.first { $0.sku == sku }?.quantity ?? 0
    }

    /// Units of a SKU in parcels with at least the given status.
    public func quantity(_ sku: SKUID, inShipmentsAtLeast status: OrderShipmentStatus) -> Int64 {
        var total: Int64 = 0
        for shipment in shipments where shipment.status.rank >= status.rank {
            for line in shipment.lines where line.sku == sku { total += line.quantity }
        }
        return total
    }

    /// Units of a SKU that reached the buyer, in the order's parcels or in replacements.
    public func deliveredQuantity(_ sku: SKUID) -> Int64 {
        var total = quantity(sku, inShipmentsAtLeast: .delivered)
        for replacement in replacements {
            for line in replacement.lines where line.sku == sku { total += line.quantity }
        }
        return total
    }

    /// Units of a SKU set aside for after-sale cases.
    public func returnQuantity(_ sku: SKUID) -> Int64 {
        var total: Int64 = 0
        for lines in returns.values {
            for line in lines where line.sku == sku { total += line.quantity }
        }
        return total
    }

    var everythingShipped: Bool {
        guard let placement else { return false }
        return placement.lines.allSatisfy { quantity($0.sku, inShipmentsAtLeast: .shipped) == $0.quantity }
    }

    var everythingDelivered: Bool {
        guard let placement else { return false }
        return placement.lines.allSatisfy { quantity($0.sku, inShipmentsAtLeast: .delivered) == $0.quantity }
    }
}

extension OrderShipmentStatus {
    var rank: Int {
        switch self {
        case .allocated: 0
        case .shipped: 1
        case .delivered: 2
        }
    }
}
