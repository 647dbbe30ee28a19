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

    func hash(into hasher: inout Hasher) {
        var text = streamId
        text.withUTF8 { utf8 in
            hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
            hasher.combine(utf8.count)
        }
    }

    /// Whether two stream ids are the same stream: the same bytes.
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs
        var right = rhs
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                leftBytes.count == rightBytes.count && leftBytes.elementsEqual(rightBytes)
            }
        }
    }
}
