/// Why bytes could not become an event (or an event could not become bytes): every failure of
/// the codecs is one of these, so a damaged or hostile payload is an error to handle, never a
/// crash.
public enum EventCodecError: Error, Hashable, Sendable {
    /// The bytes end before the value they describe.
    case truncated
    /// A string's bytes are not valid UTF-8.
    case invalidUTF8
    /// A string or collection declares more than its limit allows.
    case lengthTooLarge(length: UInt64, limit: Int)
    /// Values nest deeper than `BinaryCodingLimits.nestingDepthMax`.
    case nestingTooDeep(limit: Int)
    /// The record's event type tag names no known event.
    case unknownTypeTag(UInt16)
    /// The record's schema version is neither current nor reachable by an upcaster.
    case unsupportedSchemaVersion(eventType: UInt16, schemaVersion: UInt16)
    /// The payload decodes to an event of another type than the record says.
    case typeTagMismatch(recorded: UInt16, decoded: UInt16)
    /// The bytes break the format or a value's own rules; the text says where.
    case malformed(String)
}
