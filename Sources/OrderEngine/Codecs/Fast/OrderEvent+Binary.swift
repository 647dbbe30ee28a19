import OrderDomain

extension OrderEvent: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .placed(let placement):
            try writer.writeCase("placed", placement)
        case .paymentRecorded(let payment, let amount, let at):
            try writer.writeCase("paymentRecorded", payment, amount, at)
        case .paid(let at):
            try writer.writeCase("paid", at)
        case .refundRecorded(let payment, let amount, let pointsReversed, let at):
            try writer.writeCase("refundRecorded", payment, amount, pointsReversed, at)
        case .cancelled(let reason, let at):
            try writer.writeCase("cancelled", reason, at)
        case .expired(let at):
            try writer.writeCase("expired", at)
        case .held(let reason, let at):
            try writer.writeCase("held", reason, at)
        case .holdReleased(let at):
            try writer.writeCase("holdReleased", at)
        case .shipmentAllocated(let shipment, let lines, let at):
            try writer.writeCase("shipmentAllocated", shipment, lines, at)
        case .shipmentAllocationCancelled(let shipment, let at):
            try writer.writeCase("shipmentAllocationCancelled", shipment, at)
        case .shipmentShipped(let shipment, let at):
            try writer.writeCase("shipmentShipped", shipment, at)
        case .shipmentDelivered(let shipment, let at):
            try writer.writeCase("shipmentDelivered", shipment, at)
        case .completed(let pointsEarned, let at):
            try writer.writeCase("completed", pointsEarned, at)
        case .returnReserved(let afterSale, let lines, let at):
            try writer.writeCase("returnReserved", afterSale, lines, at)
        case .returnReleased(let afterSale, let at):
            try writer.writeCase("returnReleased", afterSale, at)
        case .chargeAdded(let afterSale, let amount, let at):
            try writer.writeCase("chargeAdded", afterSale, amount, at)
        case .chargeCancelled(let afterSale, let at):
            try writer.writeCase("chargeCancelled", afterSale, at)
        case .chargePaid(let afterSale, let at):
            try writer.writeCase("chargePaid", afterSale, at)
        case .paymentAuthorized(let payment, let amount, let at):
            try writer.writeCase("paymentAuthorized", payment, amount, at)
        case .authorizationReleased(let payment, let amount, let at):
            try writer.writeCase("authorizationReleased", payment, amount, at)
        case .replacementDelivered(let afterSale, let shipment, let lines, let at):
            try writer.writeCase("replacementDelivered", afterSale, shipment, lines, at)
        case .chargePointsEarned(let afterSale, let points, let at):
            try writer.writeCase("chargePointsEarned", afterSale, points, at)
        }
    }
}

extension OrderEvent: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "placed": self = .placed(try reader.read())
        case "paymentRecorded":
            self = .paymentRecorded(payment: try reader.read(), amount: try reader.read(), at: try reader.read())
        case "paid": self = .paid(at: try reader.read())
        case "refundRecorded":
            self = .refundRecorded(
                payment: try reader.read(), amount: try reader.read(), pointsReversed: try reader.read(),
                at: try reader.read())
        case "cancelled": self = .cancelled(reason: try reader.read(), at: try reader.read())
        case "expired": self = .expired(at: try reader.read())
        case "held": self = .held(reason: try reader.read(), at: try reader.read())
        case "holdReleased": self = .holdReleased(at: try reader.read())
        case "shipmentAllocated":
            self = .shipmentAllocated(shipment: try reader.read(), lines: try reader.read(), at: try reader.read())
        case "shipmentAllocationCancelled":
            self = .shipmentAllocationCancelled(shipment: try reader.read(), at: try reader.read())
        case "shipmentShipped": self = .shipmentShipped(shipment: try reader.read(), at: try reader.read())
        case "shipmentDelivered": self = .shipmentDelivered(shipment: try reader.read(), at: try reader.read())
        case "completed": self = .completed(pointsEarned: try reader.read(), at: try reader.read())
        case "returnReserved":
            self = .returnReserved(afterSale: try reader.read(), lines: try reader.read(), at: try reader.read())
        case "returnReleased": self = .returnReleased(afterSale: try reader.read(), at: try reader.read())
        case "chargeAdded":
            self = .chargeAdded(afterSale: try reader.read(), amount: try reader.read(), at: try reader.read())
        case "chargeCancelled": self = .chargeCancelled(afterSale: try reader.read(), at: try reader.read())
        case "chargePaid": self = .chargePaid(afterSale: try reader.read(), at: try reader.read())
        case "paymentAuthorized":
            self = .paymentAuthorized(payment: try reader.read(), amount: try reader.read(), at: try reader.read())
        case "authorizationReleased":
            self = .authorizationReleased(payment: try reader.read(), amount: try reader.read(), at: try reader.read())
        case "replacementDelivered":
            self = .replacementDelivered(
                afterSale: try reader.read(), shipment: try reader.read(), lines: try reader.read(),
                at: try reader.read())
        case "chargePointsEarned":
            self = .chargePointsEarned(afterSale: try reader.read(), points: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
