import CLMDB
import Foundation
import Testing

@testable import EventLog

/// Damages stored records the way a failing disk or a tamperer would, below the log's API.
enum Damage {
    static func editRecords(_ log: any EventLog, _ edit: (inout [UInt64: [UInt8]]) -> Void) {
        switch log {
        case let memory as InMemoryEventLog:
            memory.withStorage { storage in
                var records = Dictionary(uniqueKeysWithValues: storage.records.enumerated().map { (UInt64($0 + 1), $1) })
                edit(&records)
                storage.records = records.keys.sorted().map { records[$0]! }
            }
        case let lmdb as LMDBEventLog:
            editLMDB(lmdb, edit)
        default:
            Issue.record("no damage helper for \(type(of: log))")
        }
    }

    /// Flips one byte of a record: its checksum no longer matches.
    static func flipByte(_ log: any EventLog, position: UInt64, offset: Int) {
        editRecords(log) { $0[position]![offset] ^= 0xFF }
    }

    /// Changes a payload byte and recomputes the record's checksum, as a careful tamperer would:
    /// only the hash chain can tell.
    static func forgeRecord(_ log: any EventLog, position: UInt64) {
        editRecords(log) { records in
            var bytes = records[position]!
            bytes[bytes.count - 1] ^= 0x01
            let crc = bytes.withUnsafeBytes { RecordCodec.checksum(of: $0, position: position) }
            withUnsafeBytes(of: crc.littleEndian) { bytes.replaceSubrange(0..<4, with: $0) }
            records[position] = bytes
        }
    }

    static func swapRecords(_ log: any EventLog, _ first: UInt64, _ second: UInt64) {
        editRecords(log) { records in
            let kept = records[first]
            records[first] = records[second]
            records[second] = kept
        }
    }

    static func removeRecord(_ log: any EventLog, position: UInt64) {
        switch log {
        case let memory as InMemoryEventLog:
            // In memory, positions are array slots: removing the last one is the only possible removal.
            memory.withStorage { storage in
                precondition(position == UInt64(storage.records.count))
                storage.records.removeLast()
            }
        default:
            editRecords(log) { $0[position] = nil }
        }
    }

    private static func editLMDB(_ log: LMDBEventLog, _ edit: (inout [UInt64: [UInt8]]) -> Void) {
        var raw: OpaquePointer?
        precondition(mdb_txn_begin(log.environment, nil, 0, &raw) == 0)
        let transaction = raw!
        var records: [UInt64: [UInt8]] = [:]
        forEachRecord(log, in: transaction) { position, bytes in records[position] = Array(bytes) }
        edit(&records)
        precondition(mdb_drop(transaction, log.tables.records, 0) == 0)
        for (position, bytes) in records.sorted(by: { $0.key < $1.key }) {
            var positionKey = position.bigEndian
            withUnsafeMutableBytes(of: &positionKey) { keyBytes in
                var bytes = bytes
                bytes.withUnsafeMutableBytes { valueBytes in
                    var key = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
                    var value = MDB_val(mv_size: valueBytes.count, mv_data: valueBytes.baseAddress)
                    precondition(mdb_put(transaction, log.tables.records, &key, &value, 0) == 0)
                }
            }
        }
        precondition(mdb_txn_commit(transaction) == 0)
    }

    /// Calls `body` with every stored record of `log`, in position order, inside `transaction`.
    static func forEachRecord(_ log: LMDBEventLog, in transaction: OpaquePointer, _ body: (UInt64, UnsafeRawBufferPointer) -> Void) {
        var cursor: OpaquePointer?
        precondition(mdb_cursor_open(transaction, log.tables.records, &cursor) == 0)
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        var code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        while code == 0 {
            body(UInt64(bigEndian: LMDB.bytes(key).loadUnaligned(as: UInt64.self)), LMDB.bytes(value))
            code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        precondition(code == MDB_NOTFOUND)
    }
}
