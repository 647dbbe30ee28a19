import EventLog
import OrderDomain

/// The sequencer's whole in-memory state at a log position, stored beside the log so that a
/// restart folds only the events after it instead of the whole log.
///
/// Written by the sequencer at a batch boundary (so the state is exactly the log's up to
/// `position`) every `EngineOptions.snapshotEventInterval` events and when the engine closes. A
/// snapshot that does not decode, or that claims a position past the log's end, is ignored:
/// the engine then folds the whole log, as it would without one.
struct StateSnapshot {
    static let tableName = "engine-snapshot"
    static let key = Array("states".utf8)

    let table: LMDBTable

    init(log: LMDBEventLog) throws {
        table = try log.table(named: Self.tableName)
    }

    /// Stores `states` as the state at `position`.
    func write(_ states: DomainStates, position: UInt64, to log: LMDBEventLog) throws {
        var value = withUnsafeBytes(of: position.littleEndian) { Array($0) }
        value += try BinaryEncoder(limits: .snapshot).encode(states)
        _ = try log.commit([]) { [table] _, writer in
            try Self.key.withUnsafeBytes { key in try value.withUnsafeBytes { try writer.put(table, key: key, value: $0) } }
        }
    }

    /// The stored state and its position, or nil when there is none usable.
    func read(from log: LMDBEventLog, lastPosition: UInt64) -> (states: DomainStates, position: UInt64)? {
        try? log.withSnapshot { reader in
            try Self.key.withUnsafeBytes { key in
                guard let value = try reader.get(table, key: key), value.count >= 8 else { return nil }
                let position = UInt64(littleEndian: value.loadUnaligned(as: UInt64.self))
                guard position <= lastPosition else { return nil }
                let states = try BinaryDecoder(limits: .snapshot).decode(DomainStates.self, from: UnsafeRawBufferPointer(rebasing: value[8...]))
                return (states, position)
            }
        }
    }
}

extension BinaryCodingLimits {
    /// A snapshot holds every aggregate: its collections are as large as the shop.
    static let snapshot = BinaryCodingLimits(stringByteCountMax: 1 << 20, collectionCountMax: 1 << 28, nestingDepthMax: 64)
}
