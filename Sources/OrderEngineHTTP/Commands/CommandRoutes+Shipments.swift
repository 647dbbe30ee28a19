import Hummingbird
import OrderEngine

extension CommandRoute {
    static let shipments: [CommandRoute] = [
        CommandRoute("shipments.create", .post, "/v1/shipments", .staff(.operations)) { input throws(Problem) in
            let body = try input.body(CreateShipmentBody.self)
            return .createShipment(
                body.shipment, order: body.order, warehouse: body.warehouse, lines: body.lines, at: input.now)
        },
        CommandRoute("shipments.assign_carrier", .post, "/v1/shipments/{shipment}/carrier", .staff(.operations)) {
            input throws(Problem) in
            let body = try input.body(CarrierBody.self)
            return .shipment(
                try input.id("shipment"),
                .assignCarrier(carrier: body.carrier, trackingNumber: body.trackingNumber, at: input.now))
        },
        CommandRoute("shipments.ship", .post, "/v1/shipments/{shipment}/ship", .staff(.operations)) {
            input throws(Problem) in
            .shipment(try input.id("shipment"), .markShipped(at: input.now))
        },
        CommandRoute("shipments.record_transit", .post, "/v1/shipments/{shipment}/transit", .staff(.operations)) {
            input throws(Problem) in
            .shipment(
                try input.id("shipment"), .recordTransit(location: try input.body(TransitBody.self).location, at: input.now))
        },
        CommandRoute("shipments.deliver", .post, "/v1/shipments/{shipment}/deliver", .staff(.operations)) {
            input throws(Problem) in
            .shipment(try input.id("shipment"), .markDelivered(at: input.now))
        },
        CommandRoute("shipments.cancel", .post, "/v1/shipments/{shipment}/cancel", .staff(.operations)) {
            input throws(Problem) in
            .shipment(try input.id("shipment"), .cancel(reason: try input.body(ReasonBody.self).reason, at: input.now))
        },
    ]
}

struct CreateShipmentBody: Decodable {
    let shipment: ShipmentID
    let order: OrderID
    let warehouse: WarehouseID
    let lines: [LineQuantity]
}

struct CarrierBody: Decodable {
    let carrier: String
    let trackingNumber: String
}

struct TransitBody: Decodable {
    let location: String
}
