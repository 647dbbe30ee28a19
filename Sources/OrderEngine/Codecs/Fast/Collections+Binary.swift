/// Sets: the count, then the elements in ascending order of their encoded bytes, as
/// `BinaryEncoder` writes them, so a set has one encoding whatever its iteration order.
extension Set: BinaryWritable where Element: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeCount(count)
        guard count > 1 else {
            for element in self { try element.write(to: &writer) }
            return
        }
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(count)
        for element in self { encoded.append(try writer.detached(element)) }
        encoded.sort { $0.lexicographicallyPrecedes($1) }
        for bytes in encoded { writer.bytes.append(contentsOf: bytes) }
    }
}

/// Dictionaries: the count, then key and value pairs in ascending order of the keys' encoded
/// bytes, as `BinaryEncoder` writes them.
extension Dictionary: BinaryWritable where Key: BinaryWritable, Value: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeCount(count)
        guard count > 1 else {
            for (key, value) in self { try writer.writeFields(key, value) }
            return
        }
        var entries: [(key: [UInt8], value: Value)] = []
        entries.reserveCapacity(count)
        for (key, value) in self { entries.append((try writer.detached(key), value)) }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        for entry in entries {
            writer.bytes.append(contentsOf: entry.key)
            try entry.value.write(to: &writer)
        }
    }
}

extension BinaryWriter {
    /// The bytes of a value on its own, for sorting set elements and dictionary keys.
    func detached(_ value: some BinaryWritable) throws(EventCodecError) -> [UInt8] {
        var writer = BinaryWriter(limits: limits)
        try value.write(to: &writer)
        return writer.bytes
    }
}

extension BinaryReader {
    /// A dictionary's keys, passing over each value with `skipValue`; refuses keys out of
    /// ascending byte order or repeated, as `BinaryDecoder` does.
    mutating func readKeys<Key: BinaryReadable>(
        _ type: Key.Type, skippingValues skipValue: (inout BinaryReader) throws(EventCodecError) -> Void
    ) throws(EventCodecError) -> Set<Key> {
        let count = try readCount(limit: limits.collectionCountMax)
        var keys = Set<Key>(minimumCapacity: Swift.min(count, remainingByteCount))
        var previous: Range<Int>?
        for _ in 0..<count {
            let start = offset
            let key = try Key(from: &self)
            let range = start..<offset
            if let previous, !slice(previous).lexicographicallyPrecedes(slice(range)) {
                throw .malformed("dictionary keys are not in ascending byte order")
            }
            previous = range
            guard keys.insert(key).inserted else { throw .malformed("a dictionary repeats a key") }
            try skipValue(&self)
        }
        return keys
    }

    /// Reads a list's count, then passes over each element with `skipElement`.
    mutating func skipList(_ skipElement: (inout BinaryReader) throws(EventCodecError) -> Void) throws(EventCodecError) {
        let count = try readCount(limit: limits.collectionCountMax)
        for _ in 0..<count { try skipElement(&self) }
    }
}
