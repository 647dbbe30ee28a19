import OrderDomain

/// A case without associated values is its name alone.
extension ShipmentKind: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .order: try writer.writeCase("order")
        case .replacement(let afterSale): try writer.writeCase("replacement", afterSale)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "order": self = .order
        case "replacement": self = .replacement(try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}

extension ShipmentEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .created(let order, let warehouse, let lines, let kind, let at):
            try writer.writeCase("created", order, warehouse, lines, kind, at)
        case .carrierAssigned(let carrier, let trackingNumber, let at):
            try writer.writeCase("carrierAssigned", carrier, trackingNumber, at)
        case .shipped(let at):
            try writer.writeCase("shipped", at)
        case .inTransit(let location, let at):
            try writer.writeCase("inTransit", location, at)
        case .delivered(let at):
            try writer.writeCase("delivered", at)
        case .cancelled(let reason, let at):
            try writer.writeCase("cancelled", reason, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "created":
            self = .created(
                order: try reader.read(), warehouse: try reader.read(), lines: try reader.read(),
                kind: try reader.read(), at: try reader.read())
        case "carrierAssigned":
            self = .carrierAssigned(carrier: try reader.read(), trackingNumber: try reader.read(), at: try reader.read())
        case "shipped": self = .shipped(at: try reader.read())
        case "inTransit": self = .inTransit(location: try reader.read(), at: try reader.read())
        case "delivered": self = .delivered(at: try reader.read())
        case "cancelled": self = .cancelled(reason: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
