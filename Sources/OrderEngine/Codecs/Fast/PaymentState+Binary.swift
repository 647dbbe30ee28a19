import OrderDomain

extension PaymentStatus: BinaryCodable {}

extension PaymentState: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(status, order, member, method, currency, amountDueMinorUnits, authorizedMinorUnits)
        try writer.writeFields(releasedMinorUnits, capturedMinorUnits, refundedMinorUnits, providerEvents)
    }

    static func skip(from reader: inout BinaryReader) throws(EventCodecError) {
        _ = try reader.read(PaymentStatus.self)
        _ = try reader.read(OrderID?.self)
        _ = try reader.read(MemberID?.self)
        _ = try reader.read(PaymentMethod?.self)
        _ = try reader.read(Currency?.self)
        for _ in 0..<5 { _ = try reader.read(Int64.self) }
        try reader.skipList { reader throws(EventCodecError) in _ = try reader.read(ProviderEventID.self) }
    }
}

extension PaymentState: BinaryReadable {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            restoring: try reader.read(), order: try reader.read(), member: try reader.read(), method: try reader.read(),
            currency: try reader.read(), amountDueMinorUnits: try reader.read(), authorizedMinorUnits: try reader.read(),
            releasedMinorUnits: try reader.read(), capturedMinorUnits: try reader.read(),
            refundedMinorUnits: try reader.read(), providerEvents: try reader.read())
    }
}
