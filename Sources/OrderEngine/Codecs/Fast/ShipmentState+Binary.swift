import OrderDomain

// `ShipmentState` has no public initializer: written by hand, read through `BinaryDecoder`.

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
