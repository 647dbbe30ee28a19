/// The operating errors of an event log. Each says what went wrong in terms a caller can act on;
/// none of them leaves anything half-written.
public enum EventLogError: Error, Sendable, Hashable {
    /// A stream's version was not the one the append expected. Nothing of the append was written.
    case versionConflict(streamId: String, expected: ExpectedVersion, actual: UInt64)
    /// The request breaks a limit or a rule of the log (see `EventLogLimits`). Nothing was written.
    case invalidRequest(reason: String)
    /// The log reached its configured maximum size. Nothing of the batch was written; earlier data
    /// stays readable, and reopening with a larger `mapSizeBytesMax` lets work continue.
    case storageFull(mapSizeBytes: Int)
    /// Another writer holds the data directory (in this or another process).
    case alreadyOpen(path: String)
    /// A stored record failed its checks: the log at `position` is damaged.
    case corruptRecord(position: UInt64, problem: String)
    /// The data file itself is damaged (for example truncated), so no record in it can be read
    /// safely: restore the log from a backup.
    case damagedFile(path: String, problem: String)
    /// The log was closed before the operation could run.
    case closed
    /// Too many appends are queued; the caller should retry later.
    case overloaded(queuedCountMax: Int)
    /// The storage engine or the file system reported an error.
    case storage(code: Int32, message: String)
}

extension EventLogError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .versionConflict(let streamId, let expected, let actual):
            "version conflict on stream '\(streamId)': expected \(expected), found \(actual)"
        case .invalidRequest(let reason):
            "invalid request: \(reason)"
        case .storageFull(let mapSizeBytes):
            "storage full: the log reached its maximum size of \(mapSizeBytes) bytes"
        case .alreadyOpen(let path):
            "the event log at \(path) is already open for writing by another process or instance"
        case .corruptRecord(let position, let problem):
            "corrupt record at position \(position): \(problem)"
        case .damagedFile(let path, let problem):
            "damaged data file \(path): \(problem)"
        case .closed:
            "the event log is closed"
        case .overloaded(let queuedCountMax):
            "overloaded: more than \(queuedCountMax) appends are queued"
        case .storage(let code, let message):
            "storage error \(code): \(message)"
        }
    }
}

extension EventLogError {
    /// The error as an `EventLogError`; anything else is a storage error, since the log throws
    /// nothing else.
    public static func from(_ error: any Error) -> EventLogError {
        if let error = error as? EventLogError { return error }
        return .storage(code: 0, message: "\(error)")
    }
}
