import struct FoundationEssentials.UUID

/// The append rules, shared by every storage engine: validation, idempotency, optimistic
/// concurrency, positions, stream versions and the hash-chain link of the batch.
///
/// It works on a copy of the log's head; the caller adopts `head` only after its commit succeeds,
/// so a failed commit leaves nothing behind, in storage or in memory.
struct BatchAppender {
    private(set) var head: LogHead
    /// Every stream the batch has looked at, in the order it first did.
    private var streams: [StreamBatch] = []
    /// Where each stream of `streams` is, by its bytes. A stream id is validated before it is
    /// added, so a stream found here needs no second check.
    private var streamSlots: [StreamKey: Int] = [:]
    /// The slot in `streams` of each event of the request being appended; reused.
    private var eventSlots: [Int] = []
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
        for index in requests.indices {
            results.append(try append(requests[index], in: &transaction))
        }
        for stream in streams where !stream.entries.isEmpty {
            try transaction.putStreamIndex(streamId: stream.streamId, entries: stream.entries)
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
        _ request: borrowing AppendRequest,
        in transaction: inout Transaction
    ) throws -> Result<AppendResult, EventLogError> {
        if let reason = try resolveStreams(of: request, in: &transaction) {
            return .failure(.invalidRequest(reason: reason))
        }
        if let outcome = try transaction.commandOutcome(request.commandId) {
            return .success(AppendResult(firstPosition: outcome.firstPosition, eventCount: outcome.eventCount, duplicate: true))
        }
        for (streamId, expected) in request.expectations {
            let actual = streams[try slot(of: streamId, in: &transaction)].version
            if !expected.admits(actual) {
                return .failure(.versionConflict(streamId: streamId, expected: expected, actual: actual))
            }
        }
        let firstPosition = head.lastPosition + 1
        try request.events.withUnsafeBufferPointer { events in
            for index in events.indices {
                try write(events.baseAddress! + index, slot: eventSlots[index], in: &transaction)
            }
        }
        let result = AppendResult(firstPosition: firstPosition, eventCount: UInt32(request.events.count), duplicate: false)
        try transaction.putCommandOutcome(request.commandId, result)
        return .success(result)
    }

    /// Gives the event the next position and its stream's next version, encodes and stores it.
    /// The event comes by pointer: passed by value to a mutating method, it would be copied.
    private mutating func write<Transaction: LogWriteTransaction>(
        _ event: UnsafePointer<ProposedEvent>,
        slot: Int,
        in transaction: inout Transaction
    ) throws {
        let position = head.lastPosition + 1
        let version = streams[slot].version + 1
        streams[slot].append(StreamIndexEntry(version: version, position: position))
        let record = staging.stage(byteCount: RecordCodec.encodedBytes(event.pointee))
        RecordCodec.encode(event, position: position, streamVersion: version, into: record)
        try transaction.writeRecord(position: position, bytes: UnsafeRawBufferPointer(record))
        head.lastPosition = position
    }

    /// Checks the request as `AppendValidation.invalidity(of:)` does, with the same reasons, and
    /// fills `eventSlots` on the way. Returns why the request is invalid, or nil.
    private mutating func resolveStreams<Transaction: LogWriteTransaction>(
        of request: borrowing AppendRequest,
        in transaction: inout Transaction
    ) throws -> String? {
        if let reason = AppendValidation.invalidityOfShape(request) { return reason }
        eventSlots.removeAll(keepingCapacity: true)
        let commandId = request.commandId
        return try request.events.withUnsafeBufferPointer { events in
            var checkedActor: String?
            var previousSlot = -1
            for index in events.indices {
                let event = events.baseAddress! + index
                let slot: Int
                if previousSlot >= 0, StreamKey.sameBytes(streams[previousSlot].streamId, event.pointee.streamId) {
                    slot = previousSlot
                } else if previousSlot >= 0, case let next = streams[previousSlot].successor, next >= 0,
                          StreamKey.sameBytes(streams[next].streamId, event.pointee.streamId) {
                    slot = next
                } else if let known = streamSlots[StreamKey(event.pointee.streamId)] {
                    slot = known
                } else {
                    if let reason = AppendValidation.invalidity(ofStreamId: event.pointee.streamId) { return reason }
                    slot = try addStream(event.pointee.streamId, in: &transaction)
                }
                if let reason = AppendValidation.invalidity(of: event, commandId: commandId, checkedActor: &checkedActor) {
                    return reason
                }
                eventSlots.append(slot)
                if previousSlot >= 0 { streams[previousSlot].successor = slot }
                previousSlot = slot
            }
            return nil
        }
    }

    /// Where the stream is in `streams`, adding it (with its stored version) on first sight.
    /// `streamId` must be valid.
    private mutating func slot<Transaction: LogWriteTransaction>(
        of streamId: String,
        in transaction: inout Transaction
    ) throws -> Int {
        if let known = streamSlots[StreamKey(streamId)] { return known }
        return try addStream(streamId, in: &transaction)
    }

    private mutating func addStream<Transaction: LogWriteTransaction>(
        _ streamId: String,
        in transaction: inout Transaction
    ) throws -> Int {
        assert(AppendValidation.invalidity(ofStreamId: streamId) == nil, "an invalid stream id reached the batch")
        streams.append(StreamBatch(streamId: streamId, version: try transaction.streamVersion(streamId)))
        streamSlots[StreamKey(streamId)] = streams.count - 1
        return streams.count - 1
    }
}

/// One stream's part of a batch: its latest version and the index entries it gained, in order.
private struct StreamBatch {
    let streamId: String
    var version: UInt64
    var entries: [StreamIndexEntry] = []
    /// The slot of the stream whose event last followed one of this stream's: events come in
    /// patterns (an order's stream, then its stock item's), and checking the guess is cheaper than
    /// hashing the id.
    var successor = -1

    mutating func append(_ entry: StreamIndexEntry) {
        version = entry.version
        entries.append(entry)
    }
}
