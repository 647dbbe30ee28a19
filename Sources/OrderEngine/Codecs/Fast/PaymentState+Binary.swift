import OrderDomain

// `PaymentState` has no public initializer: written by hand, read through `BinaryDecoder`.

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
