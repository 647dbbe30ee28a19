import OrderDomain

// An order's state and its parts, read back through their restoring initializers;
// `skip(from:)` passes over one in place.

extension OrderStatus: BinaryCodable {}
extension OrderShipmentStatus: BinaryCodable {}

extension OrderShipment: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(id, lines, status)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(ShipmentID.self)
        _ = try reader.read([LineQuantity].self)
        _ = try reader.read(OrderShipmentStatus.self)
    }
}

extension OrderCharge: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(afterSale, amountMinorUnits, paid)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(AfterSaleID.self)
        _ = try reader.read(Int64.self)
        _ = try reader.read(Bool.self)
    }
}

extension OrderAuthorization: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(payment, authorizedMinorUnits, capturedMinorUnits, releasedMinorUnits)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(PaymentID.self)
        for _ in 0..<3 { _ = try reader.read(Int64.self) }
    }
}

extension OrderReplacement: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(afterSale, shipment, lines)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(AfterSaleID.self)
        _ = try reader.read(ShipmentID.self)
        _ = try reader.read([LineQuantity].self)
    }
}

extension OrderState: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(status, onHold, placement, payments, authorizations, paidMinorUnits, refundedMinorUnits)
        try writer.writeFields(shipments, replacements, returns, charges, pointsEarned, pointsReversed)
        try writer.writeFields(refundedAtCompletionMinorUnits)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(OrderStatus.self)
        _ = try reader.read(Bool.self)
        _ = try reader.read(OrderPlacement?.self)
        _ = try reader.read([PaymentID].self)
        try reader.skipList(OrderAuthorization.skip)
        for _ in 0..<2 { _ = try reader.read(Int64.self) }
        try reader.skipList(OrderShipment.skip)
        try reader.skipList(OrderReplacement.skip)
        _ = try reader.readKeys(AfterSaleID.self) { reader throws(EventCodecError) in _ = try reader.read([LineQuantity].self) }
        try reader.skipList(OrderCharge.skip)
        for _ in 0..<3 { _ = try reader.read(Int64.self) }
    }
}

extension OrderShipment: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(restoring: try reader.read(), lines: try reader.read(), status: try reader.read())
    }
}

extension OrderCharge: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(restoring: try reader.read(), amountMinorUnits: try reader.read(), paid: try reader.read())
    }
}

extension OrderAuthorization: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            restoring: try reader.read(), authorizedMinorUnits: try reader.read(), capturedMinorUnits: try reader.read(),
            releasedMinorUnits: try reader.read())
    }
}

extension OrderReplacement: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(restoring: try reader.read(), shipment: try reader.read(), lines: try reader.read())
    }
}

extension OrderState: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            restoring: try reader.read(), onHold: try reader.read(), placement: try reader.read(),
            payments: try reader.read(), authorizations: try reader.read(), paidMinorUnits: try reader.read(),
            refundedMinorUnits: try reader.read(), shipments: try reader.read(), replacements: try reader.read(),
            returns: try reader.read(), charges: try reader.read(), pointsEarned: try reader.read(),
            pointsReversed: try reader.read(), refundedAtCompletionMinorUnits: try reader.read())
    }
}
