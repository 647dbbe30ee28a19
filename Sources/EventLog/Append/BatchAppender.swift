import struct FoundationEssentials.UUID

/// The append rules, shared by every storage engine: validation, idempotency, optimistic
/// concurrency, positions, stream versions and the hash-chain link of the batch.
///
/// It works on a copy of the log's head; the caller adopts `head` only after its commit succeeds,
/// so a failed commit leaves nothing behind, in storage or in memory.
struct BatchAppender {
    private(set) var head: LogHead
    private var streamVersions: [String: UInt64] = [:]
    private var hasher: ChainHasher
    private var batchFirstPosition: UInt64

    init(head: LogHead) {
        self.head = head
        self.hasher = ChainHasher(previousHash: head.chainHash)
        self.batchFirstPosition = head.lastPosition + 1
    }

    /// Appends each request that passes its checks; a request that fails leaves no trace.
    mutating func append<Transaction: LogWriteTransaction>(
        _ requests: [AppendRequest],
        in transaction: inout Transaction
    ) throws -> [Result<AppendResult, EventLogError>] {
        var results: [Result<AppendResult, EventLogError>] = []
        results.reserveCapacity(requests.count)
        for request in requests {
            results.append(try append(request, in: &transaction))
        }
        if head.lastPosition >= batchFirstPosition {
            let link = ChainLink(firstPosition: batchFirstPosition, lastPosition: head.lastPosition, hash: hasher.finish())
            try transaction.putChainLink(link)
            head.chainHash = link.hash
        }
        return results
    }

    /// Returns the request's own failure as a result; throws only what fails the whole batch.
    private mutating func append<Transaction: LogWriteTransaction>(
        _ request: AppendRequest,
        in transaction: inout Transaction
    ) throws -> Result<AppendResult, EventLogError> {
        if let reason = Self.invalidity(of: request) {
            return .failure(.invalidRequest(reason: reason))
        }
        if let outcome = try transaction.commandOutcome(request.commandId) {
            return .success(AppendResult(firstPosition: outcome.firstPosition, eventCount: outcome.eventCount, duplicate: true))
        }
        for (streamId, expected) in request.expectations {
            let actual = try currentVersion(streamId, in: transaction)
            if !expected.admits(actual) {
                return .failure(.versionConflict(streamId: streamId, expected: expected, actual: actual))
            }
        }
        let firstPosition = head.lastPosition + 1
        for event in request.events {
            let position = head.lastPosition + 1
            let version = try currentVersion(event.streamId, in: transaction) + 1
            try transaction.writeRecord(position: position, byteCount: RecordCodec.encodedBytes(event)) { record in
                RecordCodec.encode(event, position: position, streamVersion: version, into: record)
                hasher.add(position: position, record: UnsafeRawBufferPointer(record))
            }
            try transaction.putStreamIndex(streamId: event.streamId, version: version, position: position)
            streamVersions[event.streamId] = version
            head.lastPosition = position
        }
        let result = AppendResult(firstPosition: firstPosition, eventCount: UInt32(request.events.count), duplicate: false)
        try transaction.putCommandOutcome(request.commandId, result)
        return .success(result)
    }

    private func currentVersion<Transaction: LogWriteTransaction>(
        _ streamId: String,
        in transaction: Transaction
    ) throws -> UInt64 {
        if let version = streamVersions[streamId] { return version }
        return try transaction.streamVersion(streamId)
    }

    /// Why the request breaks a limit, or nil when it keeps them all.
    static func invalidity(of request: AppendRequest) -> String? {
        if request.events.isEmpty { return "an append needs at least one event" }
        if request.events.count > EventLogLimits.requestEventCountMax {
            return "\(request.events.count) events exceed the limit of \(EventLogLimits.requestEventCountMax) per append"
        }
        for (streamId, _) in request.expectations {
            if let reason = invalidity(ofStreamId: streamId) { return reason }
        }
        for event in request.events {
            if let reason = invalidity(ofStreamId: event.streamId) { return reason }
            if event.metadata.commandId != request.commandId {
                return "event metadata names command \(event.metadata.commandId), the append names \(request.commandId)"
            }
            if event.metadata.actor.utf8.count > EventLogLimits.actorBytesMax {
                return "actor is longer than \(EventLogLimits.actorBytesMax) bytes"
            }
            if event.payload.count > EventLogLimits.payloadBytesMax {
                return "payload of \(event.payload.count) bytes exceeds \(EventLogLimits.payloadBytesMax) bytes"
            }
        }
        return nil
    }

    static func invalidity(ofStreamId streamId: String) -> String? {
        let count = streamId.utf8.count
        if count == 0 { return "stream id is empty" }
        if count > EventLogLimits.streamIdBytesMax {
            return "stream id is longer than \(EventLogLimits.streamIdBytesMax) bytes"
        }
        if streamId.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "stream id contains control characters"
        }
        return nil
    }
}
