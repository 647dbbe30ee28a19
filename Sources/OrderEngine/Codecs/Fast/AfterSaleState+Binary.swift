import OrderDomain

extension AfterSaleStatus: BinaryCodable {}

extension AfterSaleState: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(status, order, member, kind, lines, goodsReceived, refundedMinorUnits)
        try writer.writeFields(replacementShipment, priceDifference, differenceSettled)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(AfterSaleStatus.self)
        _ = try reader.read(OrderID?.self)
        _ = try reader.read(MemberID?.self)
        _ = try reader.read(AfterSaleKind?.self)
        _ = try reader.read([LineQuantity].self)
        _ = try reader.read(Bool.self)
        _ = try reader.read(Int64.self)
        _ = try reader.read(ShipmentID?.self)
        _ = try reader.read(Money?.self)
        _ = try reader.read(Bool.self)
    }
}

extension AfterSaleState: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            restoring: try reader.read(), order: try reader.read(), member: try reader.read(), kind: try reader.read(),
            lines: try reader.read(), goodsReceived: try reader.read(), refundedMinorUnits: try reader.read(),
            replacementShipment: try reader.read(), priceDifference: try reader.read(),
            differenceSettled: try reader.read())
    }
}
