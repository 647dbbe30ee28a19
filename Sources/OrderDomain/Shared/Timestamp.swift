/// A point in time as microseconds since 1970-01-01T00:00:00Z; it always arrives in a
/// command, so deciders never read a clock.
public struct Timestamp: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch.
    public let microsecondsSince1970: Int64

    /// Wraps a microsecond count.
    public init(microsecondsSince1970: Int64) {
        self.microsecondsSince1970 = microsecondsSince1970
    }

    /// Orders timestamps chronologically.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSince1970 < rhs.microsecondsSince1970
    }

    /// The moment a duration later, refusing overflow instead of trapping.
    public func adding(microseconds: Int64) throws(Refusal) -> Timestamp {
        Timestamp(microsecondsSince1970: try Validation.add(microsecondsSince1970, microseconds, "timestamp"))
    }

    /// The raw count, for messages.
    public var description: String { "\(microsecondsSince1970)us" }
}
