import struct FoundationEssentials.UUID

/// What the append rules need from a storage engine inside one write transaction. Reads see the
/// transaction's own earlier writes. Nothing is visible to readers until the owner commits.
protocol LogWriteTransaction {
    /// The stored outcome of an earlier append with this command id.
    func commandOutcome(_ commandId: UUID) throws -> AppendResult?
    /// The stream's last version, 0 when the stream has no events.
    func streamVersion(_ streamId: String) throws -> UInt64
    /// Stores a copy of the record at `position` (always the next position).
    mutating func writeRecord(position: UInt64, bytes: UnsafeRawBufferPointer) throws
    /// Adds a stream's new (version, position) entries, in version order, after its existing ones.
    mutating func putStreamIndex(streamId: String, entries: [StreamIndexEntry]) throws
    mutating func putCommandOutcome(_ commandId: UUID, _ result: AppendResult) throws
    mutating func putChainLink(_ link: ChainLink) throws
}

/// Where the log's tail stands: what the next append builds on.
struct LogHead: Sendable, Hashable {
    var lastPosition: UInt64
    var chainHash: [UInt8]

    static let empty = LogHead(lastPosition: 0, chainHash: ChainLink.genesisHash)
}

/// One event's place in its stream: the version it was given and its position in the log.
struct StreamIndexEntry: Hashable {
    var version: UInt64
    var position: UInt64
}
