import EventLog
import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

/// A batch's member-order rows wait in a run beside `member-orders` until a merge moves them
/// there. Wherever a row is (in a run, in the table, in both in the middle of a merge), a member's
/// order list must show each order once, newest first, page after page; across a reopen in the
/// middle of a merge; and the stored projections must equal a replay.
@Suite("Member order runs")
struct MemberOrderRunsTests {
    private static let memberCount = 4

    private func fixture(rowCountMax: Int = 5, runCountMax: Int = 3) throws -> EngineFixture {
        try EngineFixture { options in
            options.memberOrderWaitingRowCountMax = rowCountMax
            options.memberOrderWaitingRunCountMax = runCountMax
        }
    }

    /// Batches of one to four orders from members chosen in turn; time moves on every other batch,
    /// so that orders placed at one time are ordered by id. After each batch every member's list
    /// is read two orders a page and compared with the orders placed, and the stored projections
    /// with a replay. The engine is reopened once
    /// while a merge is in progress.
    @Test
    func everyMembersOrdersAreListedWhereverTheirRowsWait() async throws {
        let fixture = try fixture()
        try await fixture.stockHotSKU(units: 1_000, members: Self.memberCount)
        var placed: [(order: OrderID, member: Int, at: Int64)] = []
        var mergesSeen = 0
        var reopenedWhileMerging = false
        for batch in 0..<40 {
            if batch % 2 == 0 { fixture.clock.advance(seconds: 1) }
            let commands = try (0...(batch % 4)).map { index in
                let member = (batch + index) % Self.memberCount
                let order = try OrderID("o\(batch)-\(index)")
                placed.append((order, member, fixture.clock.nowMicroseconds()))
                return EngineCommand(actor: "member:test", command: try fixture.placeOrder(order.rawValue, member: member))
            }
            for result in await fixture.engine.execute(contentsOf: commands) { _ = try result.get() }
            let waiting = fixture.engine.sequencer.memberOrders.waiting
            if waiting.merging { mergesSeen += 1 }
            #expect(waiting.rowCount <= 5 + 4 * (MemberOrderMerger.mergeSliceCount + 1))
            try expectListed(placed, by: fixture.engine)
            #expect(try ProjectionAudit.replay(fixture.engine.log).matchesStoredProjections == true)
            if !reopenedWhileMerging && mergesSeen > 2 && waiting.merging {
                reopenedWhileMerging = true
                try fixture.reopen()
                #expect(!fixture.engine.sequencer.memberOrders.waiting.merging)
                try expectListed(placed, by: fixture.engine)
            }
        }
        #expect(reopenedWhileMerging)
        #expect(try ProjectionAudit.replay(fixture.engine.log).matchesStoredProjections == true)
        try fixture.reopen()
        try expectListed(placed, by: fixture.engine)
        #expect(try ProjectionAudit.verify(fixture.engine.log).ok)
    }

    /// A run's rows count as stored rows: the audit finds a row missing from a run, one stored
    /// twice with different values, and one too many.
    @Test
    func theAuditReadsTheRunsAsPartOfTheProjection() async throws {
        let fixture = try fixture(rowCountMax: 1_000, runCountMax: 1_000)
        try await fixture.stockHotSKU(units: 100, members: 2)
        for index in 0..<3 { try await fixture.run(try fixture.placeOrder("o\(index)", member: index % 2)) }
        let log = fixture.engine.log
        #expect(try ProjectionAudit.replay(log).matchesStoredProjections == true)
        let members = try MemberProjection(log: log)
        let runs = try log.table(named: MemberOrderRun.tableName)
        let runKeys = try log.withSnapshot { reader in
            var keys: [[UInt8]] = []
            try reader.forEach(runs, from: nil) { key, _ in
                keys.append(Array(key))
                return true
            }
            return keys
        }
        #expect(runKeys.count == 3)
        let placement = try #require(fixture.engine.sequencer.cache.states.orders["o1"]?.placement)
        let row = MemberProjection.orderRow(placement)

        // The run of o1 gone: its row is missing.
        let run = try #require(try log.withSnapshot { reader in try runKeys[1].withUnsafeBytes { try reader.get(runs, key: $0).map(Array.init) } })
        try write(log) { writer in try runKeys[1].withUnsafeBytes { try writer.delete(runs, key: $0) } }
        #expect(try ProjectionAudit.replay(log).firstDifference?.contains("not stored") == true)

        // The row in the table with another value, beside its run: both are stored rows.
        try write(log) { writer in
            try runKeys[1].withUnsafeBytes { key in try run.withUnsafeBytes { try writer.put(runs, key: key, value: $0) } }
            try writer.put(ProjectionRow(table: row.table, key: row.key, value: Array("o0".utf8)), into: members.orders)
        }
        #expect(try ProjectionAudit.replay(log).matchesStoredProjections == false)

        // The same row in both places is one row; a row no order placed is one too many.
        try write(log) { writer in try writer.put(row, into: members.orders) }
        #expect(try ProjectionAudit.replay(log).matchesStoredProjections == true)
        try write(log) { writer in
            let stray = MemberOrderRun.bytes(of: [ProjectionRow(table: row.table, key: row.key + [0x7A], value: row.value)])
            try MemberOrderRun.key(lastPosition: .max).withUnsafeBytes { key in
                try stray.withUnsafeBytes { try writer.put(runs, key: key, value: $0) }
            }
        }
        #expect(try ProjectionAudit.replay(log).firstDifference?.contains("no counterpart") == true)

        // A rebuild clears the runs and stores every row in the table.
        fixture.engine.close()
        let writable = try LMDBEventLog(path: fixture.path, options: LMDBEventLogOptions(durability: .none), logger: quietLogger)
        _ = try ProjectionAudit.rebuild(writable)
        #expect(try ProjectionAudit.replay(writable).matchesStoredProjections == true)
        let rebuilt = try MemberProjection(log: writable)
        #expect(try writable.withSnapshot { try $0.entryCount(writable.table(named: MemberOrderRun.tableName)) } == 0)
        #expect(try writable.withSnapshot { try $0.entryCount(rebuilt.orders) } == 3)
        writable.close()
    }

    /// A log written before there were runs has no `member-orders-recent`; opened read-only, it
    /// is still audited, its projections read without runs.
    @Test
    func aReadOnlyLogWrittenBeforeRunsIsAudited() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-runs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writable = try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none), logger: quietLogger)
        let older = [
            InventoryProjection.itemTableName, InventoryProjection.skuTableName, OrderStatusProjection.tableName,
            MemberProjection.memberTableName, MemberProjection.orderTableName,
        ]
        for name in older { _ = try writable.table(named: name) }
        writable.close()
        let readOnly = try LMDBEventLog(path: path, options: LMDBEventLogOptions(readOnly: true), logger: quietLogger)
        defer { readOnly.close() }
        #expect(try readOnly.tableIfPresent(named: MemberOrderRun.tableName) == nil)
        #expect(throws: EventLogError.self) { try readOnly.table(named: MemberOrderRun.tableName) }
        #expect(try ProjectionAudit.replay(readOnly).matchesStoredProjections == true)
        #expect(try ProjectionAudit.verify(readOnly).ok)
    }

    /// Damaged runs are refused with a typed error, never read out of bounds.
    @Test(arguments: [
        [UInt8](), [1, 0, 0], [0, 0, 0, 0], [2, 0, 0, 0, 8, 0, 0, 0],
        [1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0, 0, 65, 0, 0, 0, 0],
        [1, 0, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0, 65, 9, 0, 0, 0, 66],
    ])
    func damagedRunsAreRefused(bytes: [UInt8]) {
        #expect(throws: EventCodecError.self) { try bytes.withUnsafeBytes { _ = try MemberOrderRun($0) } }
    }

    /// A merge takes the rows of every run through its position, and only those, in key order:
    /// runs of different sizes, an odd number of them, keys that begin one another.
    @Test
    func aMergeTakesTheRowsOfItsRunsInKeyOrder() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none), logger: quietLogger)
        defer { log.close() }
        let runs = try log.table(named: MemberOrderRun.tableName)
        var random = SplitMix64(seed: 11)
        var merged: [[UInt8]] = []
        _ = try log.commit([]) { _, writer in
            for position in UInt64(1)...8 {
                let keys = (0..<Int.random(in: 1...9, using: &random)).map { index in
                    (0..<Int.random(in: 0...3, using: &random)).map { _ in UInt8.random(in: 0...2, using: &random) } + [UInt8(position), UInt8(index)]
                }
                if position <= 7 { merged += keys }
                let run = MemberOrderRun.bytes(of: keys.map { ProjectionRow(table: "t", key: $0, value: [UInt8(position)]) })
                try MemberOrderRun.key(lastPosition: position).withUnsafeBytes { key in
                    try run.withUnsafeBytes { try writer.put(runs, key: key, value: $0) }
                }
            }
        }
        let merge = try log.withSnapshot { try MemberOrderMerger.merge(runsIn: $0, table: runs, through: 7) }
        let keys = merge.rows.withUnsafeBytes { rows in
            merge.starts.map { start in
                let count = Int(rows.loadUnaligned(fromByteOffset: start, as: UInt32.self))
                return Array(rows[(start + 4)..<(start + 4 + count)])
            }
        }
        #expect(merge.runCount == 7)
        #expect(keys == merged.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// A run keeps its rows in key order and finds the first row at or after any key.
    @Test
    func aRunFindsItsRowsInKeyOrder() throws {
        let keys: [[UInt8]] = [[3], [1, 2], [1], [2, 0], [5, 5, 5]]
        let bytes = MemberOrderRun.bytes(of: keys.map { ProjectionRow(table: "t", key: $0, value: $0 + $0) })
        try bytes.withUnsafeBytes { raw in
            let run = try MemberOrderRun(raw)
            #expect(run.count == 5)
            #expect((0..<run.count).map { Array(run.key($0)) } == [[1], [1, 2], [2, 0], [3], [5, 5, 5]])
            #expect((0..<run.count).map { Array(run.value($0)) } == [[1, 1], [1, 2, 1, 2], [2, 0, 2, 0], [3, 3], [5, 5, 5, 5, 5, 5]])
            for (probe, index) in [([0], 0), ([1], 0), ([1, 0], 1), ([2], 2), ([3], 3), ([4], 4), ([6], 5)] as [([UInt8], Int)] {
                #expect(probe.withUnsafeBytes { run.firstIndex(notBelow: $0) } == index)
            }
        }
    }

    private func write(_ log: LMDBEventLog, _ body: @escaping (inout LMDBTableWriter) throws -> Void) throws {
        _ = try log.commit([]) { _, writer in try body(&writer) }
    }

    /// Each member's list, read two a page, holds exactly the member's orders: latest first, then
    /// by id.
    private func expectListed(_ placed: [(order: OrderID, member: Int, at: Int64)], by engine: OrderEngine) throws {
        for member in 0..<Self.memberCount {
            let expected = placed.filter { $0.member == member }
                .sorted { $0.at != $1.at ? $0.at > $1.at : Array($0.order.rawValue.utf8).lexicographicallyPrecedes(Array($1.order.rawValue.utf8)) }
                .map(\.order)
            var listed: [OrderID] = []
            var cursor: String?
            repeat {
                let page = try engine.orders(of: try MemberID("m\(member)"), after: cursor, limit: 2)
                listed += page.orders.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil && listed.count <= expected.count
            #expect(listed == expected, "member m\(member)")
        }
    }
}
