/// Reads keyed values by position (see `BinaryKeyedEncodingContainer`). Every key the type
/// asks for is present; the only key a reader can list is the name before a keyed nested
/// container, which is what a synthesized enum asks for to learn its case.
struct BinaryKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoding: BinaryDecoding
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        guard let name = try? decoding.reader.peekString(), let key = Key(stringValue: name)
        else { return [] }
        return [key]
    }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool { try decoding.decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try type.binaryDecode(from: decoding) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try type.binaryDecode(from: decoding) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try type.binaryDecode(from: decoding) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try type.binaryDecode(from: decoding) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoding.decodeValue(type) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decoding.decodeOptional(type) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decoding.decodeOptional(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decoding.decodeOptional(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let name = try decoding.reader.readString()
        guard name == key.stringValue else {
            throw EventCodecError.malformed("expected \"\(key.stringValue)\", found \"\(name.prefix(64))\"")
        }
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<NestedKey>(decoding: decoding))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryUnkeyedDecodingContainer(decoding: decoding)
    }

    func superDecoder() throws -> any Decoder { decoding }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoding }
}

/// Reads a list: its count (checked against the limit before anything is read), then exactly
/// that many elements.
struct BinaryUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let decoding: BinaryDecoding
    let elementCount: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { elementCount }
    var isAtEnd: Bool { currentIndex >= elementCount }

    init(decoding: BinaryDecoding) throws(EventCodecError) {
        self.decoding = decoding
        self.elementCount = try decoding.readCount()
    }

    private mutating func nextElement() throws(EventCodecError) {
        guard currentIndex < elementCount else { throw .malformed("read past the end of a list") }
        currentIndex += 1
    }

    /// A presence byte; a present value does not count as an element until it is decoded.
    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elementCount else { throw EventCodecError.malformed("read past the end of a list") }
        let isNil = try decoding.decodeNil()
        if isNil { currentIndex += 1 }
        return isNil
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: String.Type) throws -> String { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Double.Type) throws -> Double { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Float.Type) throws -> Float { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Int.Type) throws -> Int { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try nextElement(); return try type.binaryDecode(from: decoding) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try nextElement(); return try decoding.decodeValue(type) }

    mutating func decodeIfPresent(_ type: Bool.Type) throws -> Bool? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: String.Type) throws -> String? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Double.Type) throws -> Double? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Float.Type) throws -> Float? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Int.Type) throws -> Int? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Int8.Type) throws -> Int8? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Int16.Type) throws -> Int16? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Int32.Type) throws -> Int32? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: Int64.Type) throws -> Int64? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: UInt.Type) throws -> UInt? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: UInt8.Type) throws -> UInt8? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: UInt16.Type) throws -> UInt16? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: UInt32.Type) throws -> UInt32? { try nextOptional(type) }
    mutating func decodeIfPresent(_ type: UInt64.Type) throws -> UInt64? { try nextOptional(type) }
    mutating func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? { try nextOptional(type) }

    private mutating func nextOptional<T: Decodable>(_ type: T.Type) throws -> T? {
        try nextElement()
        return try decoding.decodeOptional(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try nextElement()
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer<NestedKey>(decoding: decoding))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextElement()
        return try BinaryUnkeyedDecodingContainer(decoding: decoding)
    }

    mutating func superDecoder() throws -> any Decoder {
        try nextElement()
        return decoding
    }
}

/// Reads a single value as the value itself; `decodeNil` reads a presence byte.
struct BinarySingleValueDecodingContainer: SingleValueDecodingContainer {
    let decoding: BinaryDecoding
    var codingPath: [any CodingKey] { [] }

    /// The protocol gives no way to throw here, so a bad presence byte is reported when the
    /// value is finished.
    func decodeNil() -> Bool {
        do {
            return try decoding.decodeNil()
        } catch {
            decoding.deferredError = decoding.deferredError ?? error
            return false
        }
    }

    func decode(_ type: Bool.Type) throws -> Bool { try type.binaryDecode(from: decoding) }
    func decode(_ type: String.Type) throws -> String { try type.binaryDecode(from: decoding) }
    func decode(_ type: Double.Type) throws -> Double { try type.binaryDecode(from: decoding) }
    func decode(_ type: Float.Type) throws -> Float { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int.Type) throws -> Int { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int8.Type) throws -> Int8 { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int16.Type) throws -> Int16 { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int32.Type) throws -> Int32 { try type.binaryDecode(from: decoding) }
    func decode(_ type: Int64.Type) throws -> Int64 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt.Type) throws -> UInt { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try type.binaryDecode(from: decoding) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try type.binaryDecode(from: decoding) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoding.decodeValue(type) }
}
