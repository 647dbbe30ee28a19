/// An append's version checks, one per stream, keyed by each stream id's UTF-8 bytes as the log
/// keys its streams.
///
/// "order-K" and "order-\u{212A}" (a Kelvin sign) are two streams, each with its own check. Keyed
/// by `String`, whose equality is Unicode's, the two would be one entry: one check would be lost
/// and the other applied to both streams.
public struct StreamExpectations: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private var checks: [StreamKey: ExpectedVersion] = [:]

    /// No checks.
    public init() {}

    /// One check per stream; naming a stream twice (the same bytes) is a programmer error, as in a
    /// dictionary literal.
    public init(dictionaryLiteral elements: (String, ExpectedVersion)...) {
        for (streamId, expected) in elements {
            let earlier = checks.updateValue(expected, forKey: StreamKey(streamId))
            precondition(earlier == nil, "stream \(streamId) is expected twice")
        }
    }

    /// The check of the stream with exactly these bytes; nil removes it.
    public subscript(streamId: String) -> ExpectedVersion? {
        get { checks[StreamKey(streamId)] }
        set { checks[StreamKey(streamId)] = newValue }
    }

    /// How many streams are checked.
    public var count: Int { checks.count }

    /// Whether no stream is checked.
    public var isEmpty: Bool { checks.isEmpty }

    /// Each checked stream with its check, in no particular order.
    public func makeIterator() -> some IteratorProtocol<(streamId: String, expected: ExpectedVersion)> {
        checks.lazy.map { (streamId: $0.key.streamId, expected: $0.value) }.makeIterator()
    }
}
