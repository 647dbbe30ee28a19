extension BinaryWritable {
    /// The value on its own, the bytes `BinaryEncoder(limits:).encode(self)` produces.
    func binaryBytes(limits: BinaryCodingLimits = .standard, byteCountExpected: Int = 0) throws(EventCodecError) -> [UInt8] {
        var writer = BinaryWriter(limits: limits)
        writer.bytes.reserveCapacity(byteCountExpected)
        try write(to: &writer)
        return writer.bytes
    }
}

extension BinaryReadable {
    /// A value stored on its own: all of `bytes`, as `BinaryDecoder(limits:).decode` reads it.
    init(stored bytes: UnsafeRawBufferPointer, limits: BinaryCodingLimits) throws(EventCodecError) {
        var reader = BinaryReader(bytes, limits: limits)
        self = try Self(from: &reader)
        guard reader.remainingByteCount == 0 else {
            throw .malformed("\(reader.remainingByteCount) bytes after the value")
        }
    }
}
