import OrderDomain

// `AfterSaleState` has no public initializer: written by hand, read through `BinaryDecoder`.

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
