import OrderDomain

/// Turns domain events into the log's (type tag, schema version, payload) and back: the one
/// place that knows how events are stored.
///
/// The payload is the aggregate id followed by the aggregate's event, in the binary format of
/// `BinaryEncoder`. Decoding refuses unknown tags, versions it cannot reach, payloads whose
/// event is of another type than the record says and any malformed byte, with a typed error.
public struct EventCodec: Sendable {
    /// The schema version of every event type that has never changed shape.
    public static let schemaVersionInitial: UInt16 = 1
    /// The upcasters the engine ships with, one per retired event shape.
    public static let upcastersBuiltIn: [EventUpcaster] = []
    /// The current schema version of each event type whose shape has changed since version 1.
    public static let schemaVersionsBuiltIn: [UInt16: UInt16] = [:]

    /// How deep the `Codable` conformances of events nest (an order line's price's currency in
    /// `order.placed`). The hand-written codecs do not recurse, so they have no depth to check;
    /// a codec's limits must allow this depth, as `BinaryDecoder` would need it.
    public static let nestingDepthOfEvents = 6

    /// The current schema version of each event type, indexed by its tag; 0 for a tag no event
    /// type has. A decode looks up every record's tag, so this is a load rather than a hash.
    let currentVersionByTag: [UInt16]
    let upcasters: [EventUpcaster.Key: EventUpcaster]
    let limits: BinaryCodingLimits

    /// The codec of the current domain: its schema versions and upcasters.
    public init() {
        self.init(schemaVersions: Self.schemaVersionsBuiltIn, upcasters: Self.upcastersBuiltIn)
    }

    /// A codec with the given current versions (tags not named are at version 1) and upcasters.
    /// Every old version of every event type must have an upcaster, so none is left unreadable,
    /// and `limits` must allow `nestingDepthOfEvents`.
    public init(
        schemaVersions: [UInt16: UInt16], upcasters: [EventUpcaster], limits: BinaryCodingLimits = .standard
    ) {
        precondition(limits.nestingDepthMax >= Self.nestingDepthOfEvents, "limits too shallow for the events")
        var table: [EventUpcaster.Key: EventUpcaster] = [:]
        for upcaster in upcasters {
            let key = EventUpcaster.Key(eventType: upcaster.eventType, fromVersion: upcaster.fromVersion)
            precondition(DomainEvent.typeName(forTag: upcaster.eventType) != nil, "upcaster for unknown tag")
            precondition(table.updateValue(upcaster, forKey: key) == nil, "two upcasters for one version")
            let current = schemaVersions[upcaster.eventType] ?? Self.schemaVersionInitial
            precondition(upcaster.fromVersion < current, "upcaster from a version that is not old")
        }
        for (eventType, current) in schemaVersions {
            precondition(DomainEvent.typeName(forTag: eventType) != nil, "schema version for unknown tag")
            for version in Self.schemaVersionInitial..<current {
                precondition(table[EventUpcaster.Key(eventType: eventType, fromVersion: version)] != nil,
                    "no upcaster from version \(version) of event type \(eventType)")
            }
        }
        var versions = [UInt16](repeating: 0, count: Int(DomainEvent.typeNamesByTag.keys.max()!) + 1)
        for tag in DomainEvent.typeNamesByTag.keys {
            versions[Int(tag)] = schemaVersions[tag] ?? Self.schemaVersionInitial
        }
        self.currentVersionByTag = versions
        self.upcasters = table
        self.limits = limits
    }

    /// The version new events of a type are written with.
    public func schemaVersion(of eventType: UInt16) -> UInt16 {
        currentVersion(ofTag: eventType) ?? Self.schemaVersionInitial
    }

    /// The current schema version of the event type with this tag, nil when no type has it.
    func currentVersion(ofTag eventType: UInt16) -> UInt16? {
        let index = Int(eventType)
        guard index < currentVersionByTag.count, currentVersionByTag[index] != 0 else { return nil }
        return currentVersionByTag[index]
    }
}
