import OrderDomain

// `MemberState` has no public initializer: written by hand, read through `BinaryDecoder`.

extension MemberStatus: BinaryCodable {}

extension AddressBookEntry: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(id, address)
    }
}

extension MemberState: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(status, profile, addresses, defaultAddress, favourites, tier, pointsBalance)
        try writer.writeFields(storeCreditMinorUnits, storeCreditCurrency)
    }
}
