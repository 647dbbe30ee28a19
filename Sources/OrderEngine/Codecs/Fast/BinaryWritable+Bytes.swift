extension BinaryWritable {
    /// The value on its own, the bytes `BinaryEncoder(limits:).encode(self)` produces.
    func binaryBytes(limits: BinaryCodingLimits = .standard, byteCountExpected: Int = 0) throws(EventCodecError) -> [UInt8] {
        var writer = BinaryWriter(limits: limits)
        writer.bytes.reserveCapacity(byteCountExpected)
        try write(to: &writer)
        return writer.bytes
    }
}
