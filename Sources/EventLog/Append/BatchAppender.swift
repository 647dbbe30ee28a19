import struct FoundationEssentials.UUID

/// The append rules, shared by every storage engine: validation, idempotency, optimistic
/// concurrency, positions, stream versions and the hash-chain link of the batch.
///
/// It works on a copy of the log's head; the caller adopts `head` only after its commit succeeds,
/// so a failed commit leaves nothing behind, in storage or in memory.
struct BatchAppender {
    private(set) var head: LogHead
    /// Every stream the batch has looked at: its version so far and the index entries to write.
    private var streams: [String: StreamBatch] = [:]
    private let staging: RecordStaging
    private var batchFirstPosition: UInt64

    /// `staging` must be reset; the caller resets it again once the transaction has ended.
    init(head: LogHead, staging: RecordStaging) {
        self.head = head
        self.staging = staging
        self.batchFirstPosition = head.lastPosition + 1
        staging.begin(previousHash: head.chainHash)
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
        for (streamId, batch) in streams where !batch.entries.isEmpty {
            try transaction.putStreamIndex(streamId: streamId, entries: batch.entries)
        }
        if head.lastPosition >= batchFirstPosition {
            let link = ChainLink(firstPosition: batchFirstPosition, lastPosition: head.lastPosition, hash: staging.finish())
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
            let actual = try currentVersion(streamId, in: &transaction)
            if !expected.admits(actual) {
                return .failure(.versionConflict(streamId: streamId, expected: expected, actual: actual))
            }
        }
        let firstPosition = head.lastPosition + 1
        for event in request.events {
            let position = head.lastPosition + 1
            let stream = try streamIndex(event.streamId, in: &transaction)
            let version = streams.values[stream].version + 1
            streams.values[stream].append(StreamIndexEntry(version: version, position: position))
            let record = staging.stage(byteCount: RecordCodec.encodedBytes(event))
            RecordCodec.encode(event, position: position, streamVersion: version, into: record)
            try transaction.writeRecord(position: position, bytes: UnsafeRawBufferPointer(record))
            head.lastPosition = position
        }
        let result = AppendResult(firstPosition: firstPosition, eventCount: UInt32(request.events.count), duplicate: false)
        try transaction.putCommandOutcome(request.commandId, result)
        return .success(result)
    }

    /// The stream's version as the batch stands; reads storage once per stream and batch.
    private mutating func currentVersion<Transaction: LogWriteTransaction>(
        _ streamId: String,
        in transaction: inout Transaction
    ) throws -> UInt64 {
        streams.values[try streamIndex(streamId, in: &transaction)].version
    }

    /// Where the stream's batch entry is, adding it (with its stored version) on first sight:
    /// one hash lookup per event.
    private mutating func streamIndex<Transaction: LogWriteTransaction>(
        _ streamId: String,
        in transaction: inout Transaction
    ) throws -> Dictionary<String, StreamBatch>.Index {
        if let index = streams.index(forKey: streamId) { return index }
        streams[streamId] = StreamBatch(version: try transaction.streamVersion(streamId))
        return streams.index(forKey: streamId)!
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
        var checkedStreamId: String?
        var checkedActor: String?
        for event in request.events {
            if event.streamId != checkedStreamId {
                if let reason = invalidity(ofStreamId: event.streamId) { return reason }
                checkedStreamId = event.streamId
            }
            if event.metadata.commandId != request.commandId {
                return "event metadata names command \(event.metadata.commandId), the append names \(request.commandId)"
            }
            if event.metadata.actor != checkedActor {
                if event.metadata.actor.utf8.count > EventLogLimits.actorBytesMax {
                    return "actor is longer than \(EventLogLimits.actorBytesMax) bytes"
                }
                if containsControlCharacter(event.metadata.actor) { return "actor contains control characters" }
                checkedActor = event.metadata.actor
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
        if containsControlCharacter(streamId) { return "stream id contains control characters" }
        return nil
    }

    /// True for C0 controls, DEL and C1 controls (U+0080...U+009F, UTF-8 0xC2 0x80...0x9F): a
    /// byte scan, since this runs for every event.
    static func containsControlCharacter(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            previous = byte
        }
        return false
    }
}

/// One stream's part of a batch: its latest version and the index entries it gained, in order.
private struct StreamBatch {
    var version: UInt64
    var entries: [StreamIndexEntry] = []

    mutating func append(_ entry: StreamIndexEntry) {
        version = entry.version
        entries.append(entry)
    }
}
