import OrderDomain

extension OrderView: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(id, order, payments, shipments, afterSales)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        id = try reader.read()
        order = try reader.read()
        payments = try reader.read()
        shipments = try reader.read()
        afterSales = try reader.read()
    }
}

extension OrderLinks {
    /// The payments, parcels and cases a stored `OrderView` names, read from its bytes without
    /// building the states: the keys of its three dictionaries, each value passed over.
    init(storedView bytes: UnsafeRawBufferPointer, limits: BinaryCodingLimits) throws(EventCodecError) {
        var reader = BinaryReader(bytes, limits: limits)
        _ = try reader.read(OrderID.self)
        try OrderState.skip(from: &reader)
        self.init(
            payments: try reader.readKeys(PaymentID.self, skippingValues: PaymentState.skip),
            shipments: try reader.readKeys(ShipmentID.self, skippingValues: ShipmentState.skip),
            afterSales: try reader.readKeys(AfterSaleID.self, skippingValues: AfterSaleState.skip))
        guard reader.remainingByteCount == 0 else {
            throw .malformed("\(reader.remainingByteCount) bytes after the value")
        }
    }
}
