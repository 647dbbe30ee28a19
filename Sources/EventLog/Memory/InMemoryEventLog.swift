import Synchronization
import struct FoundationEssentials.UUID

/// An event log held in memory, with the same rules, record format and hash chain as the LMDB
/// log: for tests of code that stands on a log, and for what-if replays that must not touch disk.
/// Nothing survives the process.
public final class InMemoryEventLog: EventLog {
    private let storage = Mutex(InMemoryStorage())
    private let notifier = PositionWaiters(position: 0)

    public init() {}

    public func close() {
        storage.withLock { $0.closed = true }
        notifier.end(EventLogError.closed)
    }

    public func append(_ request: AppendRequest) async throws -> AppendResult {
        try await append(contentsOf: [request])[0].get()
    }

    public func append(contentsOf requests: [AppendRequest]) async -> [Result<AppendResult, EventLogError>] {
        // Published under the lock, so concurrent appends publish their positions in commit order.
        storage.withLock { storage in
            if storage.closed { return requests.map { _ in .failure(.closed) } }
            var transaction = InMemoryTransaction(base: storage)
            var appender = BatchAppender(head: storage.head, staging: storage.staging)
            defer { storage.staging.reset() }
            do {
                let results = try appender.append(requests, in: &transaction)
                transaction.commit(into: &storage)
                storage.head = appender.head
                notifier.publish(storage.head.lastPosition)
                return results
            } catch {
                let failure = EventLogError.from(error)
                return requests.map { _ in .failure(failure) }
            }
        }
    }

    public func waitForEvents(after position: UInt64) async throws {
        try await notifier.wait(untilReaching: position + 1)
    }

    public func lastPosition() throws -> UInt64 {
        storage.withLock { $0.head.lastPosition }
    }

    public func streamVersion(_ streamId: String) throws -> UInt64 {
        storage.withLock { UInt64($0.streams[StreamKey(streamId)]?.count ?? 0) }
    }

    public func read(fromPosition position: UInt64, limit: Int) throws -> [RecordedEvent] {
        let limit = try LMDBEventLog.checkedLimit(limit)
        return try storage.withLock { (storage) throws -> [RecordedEvent] in
            let first = max(position, 1)
            guard first <= UInt64(storage.records.count) else { return [] }
            let last = min(UInt64(storage.records.count), first + UInt64(limit) - 1)
            var events: [RecordedEvent] = []
            for position in first...last {
                events.append(try storage.decodedRecord(at: position))
            }
            return events
        }
    }

    public func readStream(_ streamId: String, fromVersion version: UInt64, limit: Int) throws -> [RecordedEvent] {
        let limit = try LMDBEventLog.checkedLimit(limit)
        return try storage.withLock { (storage) throws -> [RecordedEvent] in
            guard let positions = storage.streams[StreamKey(streamId)] else { return [] }
            let first = Int(max(version, 1)) - 1
            guard first < positions.count else { return [] }
            var events: [RecordedEvent] = []
            for position in positions[first..<min(positions.count, first + limit)] {
                events.append(try storage.decodedRecord(at: position))
            }
            return events
        }
    }

    public func scan(
        fromPosition position: UInt64,
        through endPosition: UInt64,
        checkingChecksums: Bool,
        _ body: (UInt64, RecordView) throws -> Bool
    ) throws {
        let records = storage.withLock { $0.records }
        var position = max(position, 1)
        while position <= min(endPosition, UInt64(records.count)) {
            let keepGoing = try records[Int(position - 1)].withUnsafeBytes { bytes in
                if checkingChecksums, let problem = RecordCodec.problem(in: bytes, position: position) {
                    throw EventLogError.corruptRecord(position: position, problem: problem)
                }
                return try body(position, RecordView(bytes: bytes))
            }
            if !keepGoing { return }
            position += 1
        }
    }

    public func verify() throws -> VerificationReport {
        try storage.withLock { (storage) throws -> VerificationReport in
            try LogVerifier.verify(InMemoryVerificationSource(storage: storage))
        }
    }

    /// Lets tests damage the stored bytes, the way a failing disk or a tamperer would.
    func withStorage<Result>(_ body: (inout InMemoryStorage) -> Result) -> Result {
        storage.withLock { body(&$0) }
    }
}

/// The committed state of an in-memory log.
struct InMemoryStorage {
    var records: [[UInt8]] = []
    /// Positions of each stream's events, by the stream id's bytes.
    var streams: [StreamKey: [UInt64]] = [:]
    var commands: [UUID: AppendResult] = [:]
    var chain: [ChainLink] = []
    var head = LogHead.empty
    var closed = false
    let staging = RecordStaging(hashingInParallel: false)

    func decodedRecord(at position: UInt64) throws -> RecordedEvent {
        try records[Int(position - 1)].withUnsafeBytes { (bytes) throws -> RecordedEvent in
            try RecordCodec.decode(bytes, position: position)
        }
    }
}

/// Staged writes over committed storage; applied only if the whole batch succeeds.
private struct InMemoryTransaction: LogWriteTransaction {
    let base: InMemoryStorage
    var records: [[UInt8]] = []
    var index: [StreamKey: [UInt64]] = [:]
    var commands: [UUID: AppendResult] = [:]
    var links: [ChainLink] = []

    init(base: InMemoryStorage) {
        self.base = base
    }

    func commandOutcome(_ commandId: UUID) throws -> AppendResult? {
        commands[commandId] ?? base.commands[commandId]
    }

    func streamVersion(_ streamId: String) throws -> UInt64 {
        UInt64(base.streams[StreamKey(streamId)]?.count ?? 0) + UInt64(index[StreamKey(streamId)]?.count ?? 0)
    }

    mutating func writeRecord(position: UInt64, bytes: UnsafeRawBufferPointer) throws {
        precondition(position == UInt64(base.records.count + records.count + 1))
        records.append(Array(bytes))
    }

    mutating func putStreamIndex(streamId: String, entries: [StreamIndexEntry]) throws {
        precondition(entries.first?.version == UInt64(base.streams[StreamKey(streamId)]?.count ?? 0) + UInt64(index[StreamKey(streamId)]?.count ?? 0) + 1)
        index[StreamKey(streamId), default: []].append(contentsOf: entries.map(\.position))
    }

    mutating func putCommandOutcome(_ commandId: UUID, _ result: AppendResult) throws {
        commands[commandId] = result
    }

    mutating func putChainLink(_ link: ChainLink) throws {
        links.append(link)
    }

    func commit(into storage: inout InMemoryStorage) {
        storage.records.append(contentsOf: records)
        for (streamId, positions) in index { storage.streams[streamId, default: []].append(contentsOf: positions) }
        storage.commands.merge(commands) { first, _ in first }
        storage.chain.append(contentsOf: links)
    }
}

private final class InMemoryVerificationSource: VerificationSource {
    let storage: InMemoryStorage
    var linkIndex = 0

    init(storage: InMemoryStorage) {
        self.storage = storage
    }

    func forEachRecord(_ body: (UInt64, UnsafeRawBufferPointer) throws -> Bool) throws {
        for (index, record) in storage.records.enumerated() {
            let keepGoing = try record.withUnsafeBytes { (bytes) throws in try body(UInt64(index + 1), bytes) }
            if !keepGoing { return }
        }
    }

    func nextChainLink() throws -> ChainLink? {
        guard linkIndex < storage.chain.count else { return nil }
        defer { linkIndex += 1 }
        return storage.chain[linkIndex]
    }

    func indexedPosition(streamId: UnsafeRawBufferPointer, version: UInt64) throws -> UInt64? {
        guard let positions = storage.streams[StreamKey(String(decoding: streamId, as: UTF8.self))],
            version >= 1, version <= UInt64(positions.count)
        else { return nil }
        return positions[Int(version - 1)]
    }

    func indexEntryCount() throws -> UInt64 {
        UInt64(storage.streams.values.reduce(0) { $0 + $1.count })
    }
}
