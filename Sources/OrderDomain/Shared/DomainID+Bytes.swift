/// Ids are equal, hash and sort by their UTF-8 bytes, as the log keys their streams. Two spellings
/// that Unicode calls equivalent ("K" and the Kelvin sign, "é" composed and decomposed) name two
/// streams, so they are two ids; `String`'s equality would make them one order in memory and two
/// streams in the log.
extension DomainID {
    /// Most comparisons are of an id with a copy of itself (a table look-up that finds its key),
    /// which share their representation; ids that differ as text differ in bytes. Only text that
    /// Unicode calls equal in two representations needs its bytes compared.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        if sameRepresentation(lhs.rawValue, rhs.rawValue) { return true }
        guard lhs.rawValue == rhs.rawValue else { return false }
        return lhs.withBytes { left in
            rhs.withBytes { right in left.count == right.count && left.elementsEqual(right) }
        }
    }

    /// Whether two strings have the same bits: the same inline bytes, or the same storage. Either
    /// way they hold the same bytes. (False proves nothing.)
    @inlinable
    static func sameRepresentation(_ left: String, _ right: String) -> Bool {
        guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else { return false }
        let leftBits = unsafeBitCast(left, to: (UInt64, UInt64).self)
        let rightBits = unsafeBitCast(right, to: (UInt64, UInt64).self)
        return leftBits == rightBits
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: $0) }
    }

    /// What `Dictionary` and `Set` hash: the id's bytes with `IDHash` and the table's seed, not
    /// SipHash (see `IDHash`). Consistent with `==`, which compares bytes.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        withBytes { IDHash.hash($0, seed: seed) }
    }

    /// Orders ids by their bytes, as the log orders streams; this makes warehouse choice
    /// deterministic.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// Lends the id's UTF-8 bytes, without copying the text when it is stored as UTF-8.
    @inlinable
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = rawValue.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(rawValue.utf8).withUnsafeBytes(body)
    }
}
