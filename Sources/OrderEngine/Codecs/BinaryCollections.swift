/// Optionals: a presence byte (0 absent, 1 present), then the value.
extension Optional: BinaryCustomEncodable where Wrapped: Encodable {
    func binaryEncode(to encoding: BinaryEncoding) throws {
        try encoding.encodeOptional(self)
    }
}

extension Optional: BinaryCustomDecodable where Wrapped: Decodable {
    static func binaryDecode(from decoding: BinaryDecoding) throws -> Wrapped? {
        try decoding.decodeOptional(Wrapped.self)
    }
}

/// Sets: the count, then the elements in ascending order of their encoded bytes, so a set has
/// one encoding whatever its iteration order.
extension Set: BinaryCustomEncodable where Element: Encodable {
    func binaryEncode(to encoding: BinaryEncoding) throws {
        try encoding.writeCount(count)
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(count)
        for element in self { encoded.append(try encoding.encodeDetached(element)) }
        encoded.sort { $0.lexicographicallyPrecedes($1) }
        for bytes in encoded { encoding.writer.bytes.append(contentsOf: bytes) }
    }
}

extension Set: BinaryCustomDecodable where Element: Decodable {
    static func binaryDecode(from decoding: BinaryDecoding) throws -> Set<Element> {
        let count = try decoding.readCount()
        var result: Set<Element> = []
        var previous: Range<Int>?
        for _ in 0..<count {
            let start = decoding.reader.offset
            let element = try decoding.decodeValue(Element.self)
            let range = start..<decoding.reader.offset
            try decoding.expectAscending(previous, range, "set elements")
            previous = range
            guard result.insert(element).inserted else { throw EventCodecError.malformed("a set repeats an element") }
        }
        return result
    }
}

/// Dictionaries: the count, then key and value pairs in ascending order of the keys' encoded
/// bytes, so a dictionary has one encoding whatever its iteration order.
extension Dictionary: BinaryCustomEncodable where Key: Encodable, Value: Encodable {
    func binaryEncode(to encoding: BinaryEncoding) throws {
        try encoding.writeCount(count)
        var entries: [(key: [UInt8], value: Value)] = []
        entries.reserveCapacity(count)
        for (key, value) in self { entries.append((try encoding.encodeDetached(key), value)) }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        for entry in entries {
            encoding.writer.bytes.append(contentsOf: entry.key)
            try encoding.encodeValue(entry.value)
        }
    }
}

extension Dictionary: BinaryCustomDecodable where Key: Decodable, Value: Decodable {
    static func binaryDecode(from decoding: BinaryDecoding) throws -> [Key: Value] {
        let count = try decoding.readCount()
        var result: [Key: Value] = [:]
        var previous: Range<Int>?
        for _ in 0..<count {
            let start = decoding.reader.offset
            let key = try decoding.decodeValue(Key.self)
            let range = start..<decoding.reader.offset
            try decoding.expectAscending(previous, range, "dictionary keys")
            previous = range
            let value = try decoding.decodeValue(Value.self)
            guard result.updateValue(value, forKey: key) == nil else {
                throw EventCodecError.malformed("a dictionary repeats a key")
            }
        }
        return result
    }
}

extension BinaryDecoding {
    /// Refuses elements out of the order the encoder writes, so each collection has one encoding.
    func expectAscending(_ previous: Range<Int>?, _ current: Range<Int>, _ what: String) throws(EventCodecError) {
        guard let previous else { return }
        guard reader.slice(previous).lexicographicallyPrecedes(reader.slice(current)) else {
            throw .malformed("\(what) are not in ascending byte order")
        }
    }
}
