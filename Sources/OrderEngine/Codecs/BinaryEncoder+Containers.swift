/// Keyed values are written by position, in the order `encode(to:)` writes them (declaration
/// order for synthesized conformances), without their keys. A keyed nested container (how a
/// synthesized enum writes its case) is preceded by its key's name, which is how the decoder
/// learns the case.
struct BinaryKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoding: BinaryEncoding
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoding.writer.writeByte(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: String, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try value.binaryEncode(to: encoding) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoding.encodeValue(value) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encoding.encodeOptional(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try encoding.encodeOptional(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        encoding.writeKeyName(key.stringValue)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<NestedKey>(encoding: encoding))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BinaryUnkeyedEncodingContainer(encoding: encoding)
    }

    mutating func superEncoder() -> any Encoder { encoding }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoding }
}

/// A list: its element count, then the elements. The count is written first and rewritten as
/// each element is added.
struct BinaryUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let encoding: BinaryEncoding
    let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoding: BinaryEncoding) {
        self.encoding = encoding
        self.countOffset = encoding.writer.bytes.count
        encoding.writer.writeByte(0)
    }

    private mutating func addElement() throws(EventCodecError) {
        guard count < encoding.limits.collectionCountMax else {
            throw .lengthTooLarge(length: UInt64(count + 1), limit: encoding.limits.collectionCountMax)
        }
        encoding.writer.incrementCount(at: countOffset, from: count)
        count += 1
    }

    /// Nested containers cannot throw, so a broken limit is reported when the value is finished.
    private mutating func addElementReportingLater() {
        do {
            try addElement()
        } catch {
            encoding.deferredError = encoding.deferredError ?? error
        }
    }

    mutating func encodeNil() throws {
        try addElement()
        encoding.writer.writeByte(0)
    }

    mutating func encode(_ value: Bool) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: String) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Double) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Float) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int8) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int16) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int32) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int64) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt8) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt16) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt32) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt64) throws { try addElement(); try value.binaryEncode(to: encoding) }
    mutating func encode<T: Encodable>(_ value: T) throws { try addElement(); try encoding.encodeValue(value) }

    mutating func encodeIfPresent(_ value: Bool?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: String?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Double?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Float?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int8?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int16?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int32?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: Int64?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt8?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt16?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt32?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent(_ value: UInt64?) throws { try addElement(); try encoding.encodeOptional(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?) throws {
        try addElement()
        try encoding.encodeOptional(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        addElementReportingLater()
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<NestedKey>(encoding: encoding))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        addElementReportingLater()
        return BinaryUnkeyedEncodingContainer(encoding: encoding)
    }

    mutating func superEncoder() -> any Encoder {
        addElementReportingLater()
        return encoding
    }
}

/// A single value is written as the value itself; `nil` as a presence byte 0.
struct BinarySingleValueEncodingContainer: SingleValueEncodingContainer {
    let encoding: BinaryEncoding
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoding.writer.writeByte(0) }
    mutating func encode(_ value: Bool) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: String) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Double) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Float) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int8) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int16) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int32) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: Int64) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt8) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt16) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt32) throws { try value.binaryEncode(to: encoding) }
    mutating func encode(_ value: UInt64) throws { try value.binaryEncode(to: encoding) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoding.encodeValue(value) }
}
