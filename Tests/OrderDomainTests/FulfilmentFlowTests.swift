import OrderDomain
import Testing

@Suite struct FulfilmentFlowTests {
    func paidShop() throws -> Shop {
        var shop = try Shop.stocked()
        try shop.placeAndPay("o1", [line("shirt", 12), line("hat", 1)], payment: "p1")
        return shop
    }

    static func ship(_ shop: inout Shop, _ id: ShipmentID, _ warehouse: WarehouseID, _ lines: [LineQuantity]) throws {
        try shop.run(.createShipment(id, order: "o1", warehouse: warehouse, lines: lines, at: at(30)))
        try shop.run(.shipment(id, .assignCarrier(carrier: "SF", trackingNumber: "SF-\(id)", at: at(31))))
        try shop.run(.shipment(id, .markShipped(at: at(32))))
    }

    @Test func shipsPartiallyFromEachWarehouseAndDeductsStock() throws {
        var shop = try paidShop()
        try Self.ship(&shop, "s1", "w1", [line("shirt", 10), line("hat", 1)])
        #expect(shop.states.order("o1").status == .partiallyShipped)
        #expect(shop.item("shirt", "w1").onHand == 0)
        #expect(shop.item("shirt", "w1").committed == 0)
        try Self.ship(&shop, "s2", "w2", [line("shirt", 2)])
        #expect(shop.states.order("o1").status == .shipped)
        #expect(shop.item("shirt", "w2").onHand == 3)
        try shop.run(.shipment("s1", .recordTransit(location: "Hangzhou", at: at(33))))
        try shop.run(.shipment("s1", .markDelivered(at: at(40))))
        #expect(shop.states.order("o1").status == .shipped)
        try shop.run(.shipment("s2", .markDelivered(at: at(41))))
        #expect(shop.states.order("o1").status == .delivered)
    }

    @Test func refusesParcelsBeyondWhatTheWarehouseHoldsForTheOrder() throws {
        var shop = try paidShop()
        shop.refuse(
            .insufficientStock,
            .createShipment("s1", order: "o1", warehouse: "w2", lines: [line("shirt", 3)], at: at(30)))
        shop.refuse(
            .validationFailed,
            .createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 13)], at: at(30)))
    }

    @Test func refusesParcelsForUnpaidOrders() throws {
        var shop = try Shop.stocked()
        try shop.run(shop.place("o1", [line("shirt", 1)]))
        shop.refuse(
            .invalidTransition,
            .createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 1)], at: at(30)))
    }

    @Test func cancellingAParcelFreesItsUnitsForAnother() throws {
        var shop = try paidShop()
        try shop.run(.createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 10)], at: at(30)))
        shop.refuse(.trackingRequired, .shipment("s1", .markShipped(at: at(31))))
        try shop.run(.shipment("s1", .cancel(reason: "wrong box", at: at(31))))
        #expect(shop.states.order("o1").shipments.isEmpty)
        try shop.run(.createShipment("s2", order: "o1", warehouse: "w1", lines: [line("shirt", 10)], at: at(32)))
    }

    @Test func shippingAHeldOrderIsRefused() throws {
        var shop = try paidShop()
        try shop.run(.createShipment("s1", order: "o1", warehouse: "w1", lines: [line("shirt", 10)], at: at(30)))
        try shop.run(.shipment("s1", .assignCarrier(carrier: "SF", trackingNumber: "SF1", at: at(31))))
        try shop.run(.holdOrder("o1", reason: "fraud check", at: at(32)))
        shop.refuse(.orderOnHold, .shipment("s1", .markShipped(at: at(33))))
    }

    @Test func transfersStockBetweenWarehouses() throws {
        var shop = try Shop.stocked()
        try shop.run(.transferStock(sku: "shirt", from: "w1", to: "w3", quantity: 4, at: at(2)))
        #expect(shop.item("shirt", "w1").onHand == 6)
        #expect(shop.item("shirt", "w3").incoming == 4)
        try shop.run(
            .stock(StockItemID(sku: "shirt", warehouse: "w3"), .transferIn(quantity: 4, from: "w1", at: at(3))))
        #expect(shop.item("shirt", "w3").available == 4)
        #expect(shop.states.warehouses(stocking: "shirt") == ["w1", "w2", "w3"])
        shop.refuse(.insufficientStock, .transferStock(sku: "shirt", from: "w1", to: "w3", quantity: 7, at: at(4)))
        shop.refuse(.validationFailed, .transferStock(sku: "shirt", from: "w1", to: "w1", quantity: 1, at: at(4)))
    }

    @Test func refusesOrderBoundStockStepsOutsideTheirWorkflows() throws {
        var shop = try Shop.stocked()
        let item = StockItemID(sku: "shirt", warehouse: "w1")
        shop.refuse(
            .validationFailed,
            .stock(item, .reserve(order: "o9", quantity: 1, expiresAt: at(99), backorderAllowed: false, at: at(2))))
        shop.refuse(.validationFailed, .stock(item, .transferOut(quantity: 1, to: "w2", at: at(2))))
        shop.refuse(
            .validationFailed, .stock(item, .releaseReplacement(order: "o9", afterSale: "a1", quantity: 1, at: at(2))))
    }
}
