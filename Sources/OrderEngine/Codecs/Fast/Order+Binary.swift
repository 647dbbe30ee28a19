import OrderDomain

extension OrderLine: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(sku, quantity, unitPrice)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(sku: try reader.read(), quantity: try reader.read(), unitPrice: try reader.read())
    }
}

extension StockAllocation: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(item, quantity, backordered)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(item: try reader.read(), quantity: try reader.read(), backordered: try reader.read())
    }
}

extension OrderPlacement: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(order, member, lines, shippingAddress, coupon, subtotal, couponDiscount)
        try writer.writeFields(pointsRedeemed, pointsDiscount, totalDue, allocations, placedAt, paymentDueAt)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            order: try reader.read(), member: try reader.read(), lines: try reader.read(),
            shippingAddress: try reader.read(), coupon: try reader.read(), subtotal: try reader.read(),
            couponDiscount: try reader.read(), pointsRedeemed: try reader.read(), pointsDiscount: try reader.read(),
            totalDue: try reader.read(), allocations: try reader.read(), placedAt: try reader.read(),
            paymentDueAt: try reader.read())
    }
}
