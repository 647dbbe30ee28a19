/// Bounds the binary decoder enforces (and the encoder respects), so hostile bytes can neither
/// allocate without bound nor recurse without bound.
public struct BinaryCodingLimits: Sendable, Hashable {
    /// The longest string, in UTF-8 bytes. Domain text is at most 512 bytes.
    public var stringByteCountMax: Int
    /// The most elements of one array, set or dictionary. Domain lists hold at most 1,000.
    public var collectionCountMax: Int
    /// The deepest nesting of values. Domain events nest about 10 deep.
    public var nestingDepthMax: Int

    /// Sets every limit.
    public init(stringByteCountMax: Int, collectionCountMax: Int, nestingDepthMax: Int) {
        precondition(stringByteCountMax >= 0 && collectionCountMax >= 0 && nestingDepthMax >= 1)
        self.stringByteCountMax = stringByteCountMax
        self.collectionCountMax = collectionCountMax
        self.nestingDepthMax = nestingDepthMax
    }

    /// The limits used for events: comfortably above the domain's own, far below the log's 1 MiB payloads.
    public static let standard = BinaryCodingLimits(
        stringByteCountMax: 4_096, collectionCountMax: 10_000, nestingDepthMax: 32)
}
