import OrderDomain

extension StockEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .received(let quantity, let at):
            try writer.writeCase("received", quantity, at)
        case .incomingExpected(let quantity, let at):
            try writer.writeCase("incomingExpected", quantity, at)
        case .adjusted(let delta, let reason, let at):
            try writer.writeCase("adjusted", delta, reason, at)
        case .safetyStockSet(let quantity, let at):
            try writer.writeCase("safetyStockSet", quantity, at)
        case .reserved(let order, let quantity, let backordered, let expiresAt, let at):
            try writer.writeCase("reserved", order, quantity, backordered, expiresAt, at)
        case .reservationCommitted(let order, let quantity, let at):
            try writer.writeCase("reservationCommitted", order, quantity, at)
        case .backorderFilled(let order, let quantity, let at):
            try writer.writeCase("backorderFilled", order, quantity, at)
        case .reservationReleased(let order, let reserved, let committed, let backordered, let reason, let at):
            try writer.writeCase("reservationReleased", order, reserved, committed, backordered, reason, at)
        case .shipmentDeducted(let order, let shipment, let quantity, let at):
            try writer.writeCase("shipmentDeducted", order, shipment, quantity, at)
        case .replacementAllocated(let order, let afterSale, let quantity, let at):
            try writer.writeCase("replacementAllocated", order, afterSale, quantity, at)
        case .returnRestocked(let order, let afterSale, let quantity, let at):
            try writer.writeCase("returnRestocked", order, afterSale, quantity, at)
        case .returnWrittenOff(let order, let afterSale, let quantity, let at):
            try writer.writeCase("returnWrittenOff", order, afterSale, quantity, at)
        case .damagedDisposed(let quantity, let at):
            try writer.writeCase("damagedDisposed", quantity, at)
        case .transferredOut(let quantity, let to, let at):
            try writer.writeCase("transferredOut", quantity, to, at)
        case .transferredIn(let quantity, let from, let at):
            try writer.writeCase("transferredIn", quantity, from, at)
        case .replacementReleased(let order, let afterSale, let quantity, let at):
            try writer.writeCase("replacementReleased", order, afterSale, quantity, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "received": self = .received(quantity: try reader.read(), at: try reader.read())
        case "incomingExpected": self = .incomingExpected(quantity: try reader.read(), at: try reader.read())
        case "adjusted": self = .adjusted(delta: try reader.read(), reason: try reader.read(), at: try reader.read())
        case "safetyStockSet": self = .safetyStockSet(quantity: try reader.read(), at: try reader.read())
        case "reserved":
            self = .reserved(
                order: try reader.read(), quantity: try reader.read(), backordered: try reader.read(),
                expiresAt: try reader.read(), at: try reader.read())
        case "reservationCommitted":
            self = .reservationCommitted(order: try reader.read(), quantity: try reader.read(), at: try reader.read())
        case "backorderFilled":
            self = .backorderFilled(order: try reader.read(), quantity: try reader.read(), at: try reader.read())
        case "reservationReleased":
            self = .reservationReleased(
                order: try reader.read(), reserved: try reader.read(), committed: try reader.read(),
                backordered: try reader.read(), reason: try reader.read(), at: try reader.read())
        case "shipmentDeducted":
            self = .shipmentDeducted(
                order: try reader.read(), shipment: try reader.read(), quantity: try reader.read(), at: try reader.read())
        case "replacementAllocated":
            self = .replacementAllocated(
                order: try reader.read(), afterSale: try reader.read(), quantity: try reader.read(), at: try reader.read())
        case "returnRestocked":
            self = .returnRestocked(
                order: try reader.read(), afterSale: try reader.read(), quantity: try reader.read(), at: try reader.read())
        case "returnWrittenOff":
            self = .returnWrittenOff(
                order: try reader.read(), afterSale: try reader.read(), quantity: try reader.read(), at: try reader.read())
        case "damagedDisposed": self = .damagedDisposed(quantity: try reader.read(), at: try reader.read())
        case "transferredOut": self = .transferredOut(quantity: try reader.read(), to: try reader.read(), at: try reader.read())
        case "transferredIn": self = .transferredIn(quantity: try reader.read(), from: try reader.read(), at: try reader.read())
        case "replacementReleased":
            self = .replacementReleased(
                order: try reader.read(), afterSale: try reader.read(), quantity: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}

// `StockState` has no public initializer: written by hand (for snapshots), read through
// `BinaryDecoder`.

extension Reservation: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(reserved, committed, backordered, expiresAt, paid)
    }
}

extension StockState: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(onHand, reserved, committed, safetyStock, damaged, incoming, backordered)
        try reservations.write(to: &writer)
    }
}
