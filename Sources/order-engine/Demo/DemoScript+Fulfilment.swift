import OrderEngine

extension DemoScript {
    /// Creates a parcel, hands it to SF Express with a tracking number and ships it.
    func ship(
        _ parcel: ShipmentID, of order: OrderID, from warehouse: WarehouseID, _ lines: [LineQuantity], at now: Timestamp
    ) async throws {
        try await runner.run(
            Self.warehouse, .createShipment(parcel, order: order, warehouse: warehouse, lines: lines, at: now),
            "create \(parcel)")
        try await shipCreated(parcel, at: now)
    }

    /// Hands a parcel that already exists to the carrier and ships it.
    func shipCreated(_ parcel: ShipmentID, at now: Timestamp) async throws {
        let tracking = "SF" + parcel.rawValue.dropFirst(3).filter { $0 != "-" }.uppercased()
        try await runner.run(
            Self.warehouse, .shipment(parcel, .assignCarrier(carrier: "SF Express", trackingNumber: tracking, at: now)),
            "assign a carrier to \(parcel)")
        try await runner.run(Self.warehouse, .shipment(parcel, .markShipped(at: now)), "ship \(parcel)")
    }

    func deliver(_ parcel: ShipmentID, at now: Timestamp) async throws {
        try await runner.run(Self.carrier, .shipment(parcel, .markDelivered(at: now)), "deliver \(parcel)")
    }

    func firstParcels() async throws {
        try await ship(
            "sh-1001-1", of: "o-1001", from: DemoMall.beijing, [line(DemoMall.teeM, 3), line(DemoMall.jeans, 1)],
            at: runner.at(10, 30))
        runner.note("o-1001 partly shipped: 3 tees and the jeans leave Beijing; 2 tees wait in Shanghai")
        try await ship(
            "sh-1003-1", of: "o-1003", from: DemoMall.shanghai, [line(DemoMall.linenShirt, 1)], at: runner.at(10, 40))
        try await ship(
            "sh-1003-2", of: "o-1003", from: DemoMall.beijing, [line(DemoMall.teeL, 1)], at: runner.at(10, 40))
        try await ship(
            "sh-1004-1", of: "o-1004", from: DemoMall.beijing, [line(DemoMall.downJacket, 1)], at: runner.at(10, 45))
        runner.note("o-1003 and o-1004 shipped")
    }

    func afternoonDeliveries() async throws {
        try await deliver("sh-1001-1", at: runner.at(12, 0))
        try await deliver("sh-1003-1", at: runner.at(12, 30))
        try await deliver("sh-1003-2", at: runner.at(12, 30))
        runner.note("first deliveries: o-1001's Beijing parcel, both o-1003 parcels")
        try await ship(
            "sh-1005-1", of: "o-1005", from: DemoMall.beijing, [line(DemoMall.jeans, 1)], at: runner.at(13, 0))
        try await ship(
            "sh-1005-2", of: "o-1005", from: DemoMall.shanghai, [line(DemoMall.scarf, 1)], at: runner.at(13, 0))
        try await ship(
            "sh-1001-2", of: "o-1001", from: DemoMall.shanghai, [line(DemoMall.teeM, 2)], at: runner.at(14, 0))
        runner.note("o-1001 fully shipped: the 2 tees leave Shanghai")
        let scarves = StockItemID(sku: DemoMall.scarf, warehouse: DemoMall.shanghai)
        let now = runner.at(15, 0)
        try await runner.run(Self.warehouse, .stock(scarves, .receive(quantity: 4, at: now)), "receive scarves")
        try await runner.run(
            Self.warehouse, .stock(scarves, .fillBackorder(order: "o-1005", quantity: 1, at: now)),
            "fill o-1005's backorder")
        runner.note("4 scarves arrive in Shanghai; o-1005's backordered scarf is filled")
        try await ship(
            "sh-1005-3", of: "o-1005", from: DemoMall.shanghai, [line(DemoMall.scarf, 1)], at: runner.at(15, 30))
        try await deliver("sh-1001-2", at: runner.at(16, 0))
        try await runner.run(Self.service, .completeOrder("o-1001", at: runner.at(16, 5)), "complete o-1001")
        try await runner.run(Self.service, .completeOrder("o-1003", at: runner.at(16, 30)), "complete o-1003")
        runner.note("o-1001 and o-1003 delivered and completed: points earned")
        try await deliver("sh-1005-1", at: runner.at(16, 40))
        try await deliver("sh-1005-2", at: runner.at(16, 40))
        try await deliver("sh-1005-3", at: runner.at(16, 50))
        runner.note("o-1005 delivered: all three parcels arrived")
    }
}
