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

extension Set: BinaryReadable where Element: BinaryReadable {
    /// Refuses elements out of ascending byte order or repeated, as `BinaryDecoder` does.
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init()
        var element: Element?
        try reader.readAscending("set elements") { reader throws(EventCodecError) in
            element = try Element(from: &reader)
        } then: { _ throws(EventCodecError) in
            guard insert(element.take()!).inserted else { throw .malformed("a set repeats an element") }
        }
    }
}

extension Dictionary: BinaryReadable where Key: BinaryReadable, Value: BinaryReadable {
    /// Refuses keys out of ascending byte order or repeated, as `BinaryDecoder` does.
    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init()
        var key: Key?
        try reader.readAscending("dictionary keys") { reader throws(EventCodecError) in
            key = try Key(from: &reader)
        } then: { reader throws(EventCodecError) in
            guard updateValue(try Value(from: &reader), forKey: key.take()!) == nil else {
                throw .malformed("a dictionary repeats a key")
            }
        }
    }
}

extension BinaryReader {
    /// Reads a count, then that many elements with `readElement`, each followed by `readRest`
    /// (a dictionary's value); refuses elements whose bytes are not in ascending order, so each
    /// collection has one encoding.
    mutating func readAscending(
        _ what: String, _ readElement: (inout BinaryReader) throws(EventCodecError) -> Void,
        then readRest: (inout BinaryReader) throws(EventCodecError) -> Void = { _ in }
    ) throws(EventCodecError) {
        let count = try readCount(limit: limits.collectionCountMax)
        var previous: Range<Int>?
        for _ in 0..<count {
            let start = offset
            try readElement(&self)
            let range = start..<offset
            if let previous, !slice(previous).lexicographicallyPrecedes(slice(range)) {
                throw .malformed("\(what) are not in ascending byte order")
            }
            previous = range
            try readRest(&self)
        }
    }

    /// A dictionary's keys, passing over each value with `skipValue`; refuses keys out of
    /// ascending byte order or repeated, as `BinaryDecoder` does.
    mutating func readKeys<Key: BinaryReadable>(
        _ type: Key.Type, skippingValues skipValue: (inout BinaryReader) throws(EventCodecError) -> Void
    ) throws(EventCodecError) -> Set<Key> {
        var keys = Set<Key>()
        var key: Key?
        try readAscending("dictionary keys") { reader throws(EventCodecError) in
            key = try Key(from: &reader)
        } then: { reader throws(EventCodecError) in
            guard keys.insert(key.take()!).inserted else { throw .malformed("a dictionary repeats a key") }
            try skipValue(&reader)
        }
        return keys
    }

    /// Reads a list's count, then passes over each element with `skipElement`.
    mutating func skipList(_ skipElement: (inout BinaryReader) throws(EventCodecError) -> Void) throws(EventCodecError) {
        let count = try readCount(limit: limits.collectionCountMax)
        for _ in 0..<count { try skipElement(&self) }
    }
}
