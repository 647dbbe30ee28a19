/// The bounds every event log enforces. Each is checked on write; breaking one is an
/// `EventLogError.invalidRequest`, never a crash or a partial write.
public enum EventLogLimits {
    /// Longest stream id, in UTF-8 bytes (LMDB keys are at most 511 bytes).
    public static let streamIdBytesMax = 200
    /// Longest actor, in UTF-8 bytes.
    public static let actorBytesMax = 200
    /// Largest event payload.
    public static let payloadBytesMax = 1 << 20
    /// Most events one append request may carry.
    public static let requestEventCountMax = 10_000
    /// Most events a writer puts in one commit when it gathers many requests.
    public static let commitEventCountMax = 16_384
    /// Most requests that may wait for the writer at once.
    public static let queuedRequestCountMax = 65_536
    /// Most events one read call returns.
    public static let readLimitMax = 65_536
}
