import OrderDomain
import Testing

@Suite struct ShipmentTests {
    let lines = [LineQuantity(sku: "shirt", quantity: 2)]
    var created: [ShipmentEvent] { [.created(order: "o1", warehouse: "w1", lines: lines, kind: .order, at: at(1))] }
    var tracked: [ShipmentEvent] { created + [.carrierAssigned(carrier: "SF", trackingNumber: "SF123", at: at(2))] }
    var shipped: [ShipmentEvent] { tracked + [.shipped(at: at(3))] }

    func decide(_ command: ShipmentCommand, _ events: [ShipmentEvent]) throws(Refusal) -> [ShipmentEvent] {
        try Shipment.decide(command, shipment(events))
    }

    @Test func createsForSomeLinesFromOneWarehouse() throws {
        let command = ShipmentCommand.create(order: "o1", warehouse: "w1", lines: lines, kind: .order, at: at(1))
        #expect(try decide(command, []) == created)
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(command, created) }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.create(order: "o1", warehouse: "w1", lines: [], kind: .order, at: at(1)), [])
        }
    }

    @Test func shipsOnlyWithTracking() throws {
        expectRefusal(.trackingRequired) { () throws(Refusal) in try decide(.markShipped(at: at(3)), created) }
        #expect(shipment(shipped).status == .shipped)
        #expect(shipment(shipped).trackingNumber == "SF123")
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.markShipped(at: at(4)), shipped) }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.assignCarrier(carrier: "EMS", trackingNumber: "E1", at: at(4)), shipped)
        }
    }

    @Test func tracksTransitThenDelivery() throws {
        let moving = shipped + (try decide(.recordTransit(location: "Hangzhou hub", at: at(4)), shipped))
        #expect(shipment(moving).status == .inTransit)
        #expect(shipment(moving).lastLocation == "Hangzhou hub")
        let arrived = moving + (try decide(.markDelivered(at: at(5)), moving))
        #expect(shipment(arrived).status == .delivered)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.recordTransit(location: "x", at: at(6)), arrived)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.markDelivered(at: at(6)), tracked) }
    }

    @Test func cancelsOnlyBeforeShipping() throws {
        #expect(
            shipment(created + (try decide(.cancel(reason: "stock error", at: at(2)), created))).status == .cancelled)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.cancel(reason: "late", at: at(4)), shipped)
        }
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.cancel(reason: "x", at: at(4)), []) }
    }
}
