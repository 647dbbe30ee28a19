/// Rewrites a stored payload of one event type from one schema version to the next, so events
/// written in an old shape stay readable after the shape changes. Upcasters chain: a payload of
/// version 1 under a current version 3 passes the 1 -> 2 and then the 2 -> 3 upcaster.
public struct EventUpcaster: Sendable {
    /// The event type tag whose payloads this upcaster rewrites.
    public let eventType: UInt16
    /// The schema version it reads; it writes `fromVersion + 1`.
    public let fromVersion: UInt16
    let rewrite: @Sendable ([UInt8]) throws(EventCodecError) -> [UInt8]

    /// An upcaster from raw bytes to raw bytes.
    public init(
        eventType: UInt16, fromVersion: UInt16,
        rewrite: @escaping @Sendable ([UInt8]) throws(EventCodecError) -> [UInt8]
    ) {
        precondition(fromVersion >= 1 && fromVersion < UInt16.max, "schema versions start at 1")
        self.eventType = eventType
        self.fromVersion = fromVersion
        self.rewrite = rewrite
    }

    /// An upcaster that decodes the old payload as `Old` (a copy of the old shape, kept for this
    /// purpose), maps it with `transform` and encodes the result, which must have the shape of
    /// `fromVersion + 1`.
    ///
    /// A payload is the aggregate id followed by the aggregate's event, which is exactly how a
    /// struct with those two stored properties, in that order, encodes.
    public static func mapping<Old: Decodable & Sendable, New: Encodable & Sendable>(
        eventType: UInt16, fromVersion: UInt16, from old: Old.Type, limits: BinaryCodingLimits = .standard,
        _ transform: @escaping @Sendable (Old) throws(EventCodecError) -> New
    ) -> EventUpcaster {
        EventUpcaster(eventType: eventType, fromVersion: fromVersion) { bytes throws(EventCodecError) in
            let oldValue = try BinaryDecoder(limits: limits).decode(Old.self, from: bytes)
            return try BinaryEncoder(limits: limits).encode(try transform(oldValue))
        }
    }

    struct Key: Hashable {
        let eventType: UInt16
        let fromVersion: UInt16
    }
}
