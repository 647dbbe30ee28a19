#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream id as the log keys it: by its UTF-8 bytes. `String`'s equality is Unicode's, under
/// which "order-K" and "order-\u{212A}" (a Kelvin sign) are one string, while the stream index
/// stores them as two streams. Keyed by the `String`, a batch holding both would number the
/// second stream's events as the first one's.
struct StreamKey: Hashable {
    let streamId: String

    init(_ streamId: String) {
        self.streamId = streamId
    }

    static func == (lhs: StreamKey, rhs: StreamKey) -> Bool {
        sameBytes(lhs.streamId, rhs.streamId)
    }

    /// Feeds the id's UTF-8 bytes to the hasher; text not stored as UTF-8 (bridged from
    /// Objective-C) gives the same bytes one at a time.
    func hash(into hasher: inout Hasher) {
        let hashed: Void? = streamId.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in streamId.utf8 { hasher.combine(byte) }
        }
    }

    /// Whether two stream ids are the same stream: the same bytes. Strings with the same bits
    /// (the same inline bytes, or the same storage) are; otherwise the bytes are compared.
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        if MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size,
            unsafeBitCast(lhs, to: (UInt64, UInt64).self) == unsafeBitCast(rhs, to: (UInt64, UInt64).self)
        {
            return true
        }
        let count = lhs.utf8.count
        guard count == rhs.utf8.count else { return false }
        guard count > 0 else { return true }
        let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in memcmp(left.baseAddress!, right.baseAddress!, count) == 0 }
        }
        if let compared = compared ?? nil { return compared }
        return lhs.utf8.elementsEqual(rhs.utf8)  // text not stored as UTF-8
    }
}
