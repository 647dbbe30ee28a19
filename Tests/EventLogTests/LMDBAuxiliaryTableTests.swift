import Foundation
import Testing

@testable import EventLog

/// Projections live in auxiliary tables written in the same transaction as their events.
@Suite("LMDB auxiliary tables")
struct LMDBAuxiliaryTableTests {
    private struct Refused: Error {}

    private func key(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test
    func writesTablesInTheSameTransactionAsTheEvents() throws {
        let scratch = ScratchDirectory()
        let log = try LMDBEventLog(path: scratch.subdirectory("log"), options: LMDBEventLogOptions(durability: .none), logger: testLogger)
        let counts = try log.table(named: "counts")
        #expect(try log.table(named: "counts") == counts)
        let results = try log.commit([Make.request(["order-1", "order-1"])]) { results, writer in
            let positions = try results[0].get().positions
            try key("order-1").withUnsafeBytes { key in
                try withUnsafeBytes(of: positions.upperBound - 1) { try writer.put(counts, key: key, value: $0) }
            }
        }
        #expect(try results[0].get().eventCount == 2)
        let stored: UInt64? = try log.withSnapshot { reader in
            #expect(reader.lastPosition == 2)
            return try key("order-1").withUnsafeBytes { try reader.get(counts, key: $0)?.loadUnaligned(as: UInt64.self) }
        }
        #expect(stored == 2)
    }

    @Test
    func writesNothingWhenTheTableWriterFails() throws {
        let scratch = ScratchDirectory()
        let log = try LMDBEventLog(path: scratch.subdirectory("log"), options: LMDBEventLogOptions(durability: .none), logger: testLogger)
        let counts = try log.table(named: "counts")
        #expect(throws: EventLogError.self) {
            try log.commit([Make.request(["order-1"])]) { _, writer in
                try key("order-1").withUnsafeBytes { try writer.put(counts, key: $0, value: $0) }
                throw Refused()
            }
        }
        #expect(try log.lastPosition() == 0)
        var entries = 0
        try log.withSnapshot { reader in
            try reader.forEach(counts, from: nil) { _, _ in
                entries += 1
                return true
            }
        }
        #expect(entries == 0)
    }

    @Test
    func countsATablesEntriesWithoutReadingThem() throws {
        let scratch = ScratchDirectory()
        let log = try LMDBEventLog(path: scratch.subdirectory("log"), options: LMDBEventLogOptions(durability: .none), logger: testLogger)
        let counts = try log.table(named: "counts")
        #expect(try log.withSnapshot { try $0.entryCount(counts) } == 0)
        _ = try log.commit([]) { _, writer in
            for name in ["a", "b", "c"] {
                try key(name).withUnsafeBytes { try writer.put(counts, key: $0, value: $0) }
            }
        }
        #expect(try log.withSnapshot { try $0.entryCount(counts) } == 3)
        _ = try log.commit([]) { _, writer in
            try key("b").withUnsafeBytes { try writer.delete(counts, key: $0) }
        }
        #expect(try log.withSnapshot { try $0.entryCount(counts) } == 2)
    }

    @Test
    func refusesReservedAndEmptyTableNames() throws {
        let scratch = ScratchDirectory()
        let log = try LMDBEventLog(path: scratch.subdirectory("log"), options: LMDBEventLogOptions(durability: .none), logger: testLogger)
        for name in ["records", "streams", "commands", "chain", ""] {
            #expect(throws: EventLogError.self) { try log.table(named: name) }
        }
    }
}
