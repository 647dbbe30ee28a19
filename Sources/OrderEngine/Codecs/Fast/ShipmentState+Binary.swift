import OrderDomain

extension ShipmentStatus: BinaryCodable {}

extension ShipmentState: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(status, order, warehouse, lines, kind, carrier, trackingNumber, lastLocation)
        try writer.writeFields(transitUpdateCount)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(ShipmentStatus.self)
        _ = try reader.read(OrderID?.self)
        _ = try reader.read(WarehouseID?.self)
        _ = try reader.read([LineQuantity].self)
        _ = try reader.read(ShipmentKind.self)
        for _ in 0..<3 { _ = try reader.read(String?.self) }
        _ = try reader.read(Int.self)
    }
}

extension ShipmentState: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            restoring: try reader.read(), order: try reader.read(), warehouse: try reader.read(), lines: try reader.read(),
            kind: try reader.read(), carrier: try reader.read(), trackingNumber: try reader.read(),
            lastLocation: try reader.read(), transitUpdateCount: try reader.read())
    }
}
