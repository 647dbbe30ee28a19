import OrderDomain

/// Ids: their text, validated on reading exactly as their `Decodable` conformance does.
extension BinaryWritable where Self: DomainID {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeString(rawValue)
    }
}

extension BinaryReadable where Self: DomainID {
    /// Printable ASCII, nearly every id, is taken as it is; anything else gets the full check.
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        let bytes = try reader.readStringBytes()
        if Self.isPrintableASCII(bytes) {
            self.init(_unchecked: BinaryReader.asciiString(bytes))
            return
        }
        let raw = try BinaryReader.string(bytes)
        do {
            try self.init(raw)
        } catch {
            throw .malformed(error.message)
        }
    }
}

extension SKUID: BinaryCodable {}
extension WarehouseID: BinaryCodable {}
extension OrderID: BinaryCodable {}
extension MemberID: BinaryCodable {}
extension CouponCode: BinaryCodable {}
extension PaymentID: BinaryCodable {}
extension ShipmentID: BinaryCodable {}
extension AfterSaleID: BinaryCodable {}
extension AddressID: BinaryCodable {}
extension ProviderEventID: BinaryCodable {}

/// Enums with a string raw value: the raw value, refused on reading if it names no case.
extension BinaryWritable where Self: RawRepresentable, RawValue == String {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeString(rawValue)
    }
}

extension BinaryReadable where Self: RawRepresentable, RawValue == String {
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        let raw = try reader.readString()
        guard let value = Self(rawValue: raw) else {
            throw .malformed("Cannot initialize \(Self.self) from invalid String value \(raw)")
        }
        self = value
    }
}

extension AdjustmentReason: BinaryCodable {}
extension ReleaseReason: BinaryCodable {}
extension PaymentMethod: BinaryCodable {}
extension MemberTier: BinaryCodable {}
extension ClaimType: BinaryCodable {}

/// Currencies: the three-letter code, refused on reading unless ISO 4217 knows it.
extension Currency: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeString(code)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        let raw = try reader.readStringBytes()
        if let currency = try? Currency(utf8: raw) {
            self = currency
            return
        }
        // Fails as the generic decoder does: invalid UTF-8 first, then an unknown code.
        let code = try BinaryReader.string(raw)
        do {
            try self.init(code)
        } catch {
            throw .malformed(error.message)
        }
    }
}

extension Money: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(minorUnits, currency)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(minorUnits: try reader.read(), currency: try reader.read())
    }
}

extension Timestamp: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.writeZigzag(microsecondsSince1970)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(microsecondsSince1970: try reader.readZigzag())
    }
}

extension LineQuantity: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(sku, quantity)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(sku: try reader.read(), quantity: try reader.read())
    }
}

extension StockItemID: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(sku, warehouse)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(sku: try reader.read(), warehouse: try reader.read())
    }
}

extension PostalAddress: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(recipient, phone, region, city, street, postalCode)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            recipient: try reader.read(), phone: try reader.read(), region: try reader.read(), city: try reader.read(),
            street: try reader.read(), postalCode: try reader.read())
    }
}
