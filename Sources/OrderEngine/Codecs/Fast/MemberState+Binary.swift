import OrderDomain

extension MemberStatus: BinaryCodable {}

extension AddressBookEntry: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(id, address)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(id: try reader.read(), address: try reader.read())
    }
}

extension MemberState: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(status, profile, addresses, defaultAddress, favourites, tier, pointsBalance)
        try writer.writeFields(storeCreditMinorUnits, storeCreditCurrency)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            restoring: try reader.read(), profile: try reader.read(), addresses: try reader.read(),
            defaultAddress: try reader.read(), favourites: try reader.read(), tier: try reader.read(),
            pointsBalance: try reader.read(), storeCreditMinorUnits: try reader.read(),
            storeCreditCurrency: try reader.read())
    }
}
