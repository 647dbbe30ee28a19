/// The outcome of checking a whole log.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// True when every check passed.
    public var ok: Bool
    /// How many records were checked.
    public var eventCount: UInt64
    /// The first position at which a check failed, nil when all passed.
    public var firstBadPosition: UInt64?
    /// What failed there, nil when all passed.
    public var problem: String?

    public init(ok: Bool, eventCount: UInt64, firstBadPosition: UInt64?, problem: String?) {
        self.ok = ok
        self.eventCount = eventCount
        self.firstBadPosition = firstBadPosition
        self.problem = problem
    }
}
