import EventLog
import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

/// The two-thread replay cuts the log into chunks that either thread may decode, and each thread
/// folds one half of the states; it must fold exactly what the one-thread fold folds, at every
/// cut, and fail at the first bad event.
@Suite("Replay decoding ahead")
struct ReplayDecodingAheadTests {
    static let item = StockItemID(sku: "s1", warehouse: "w1")
    static let eventCount = 5 * EventReplay.chunkEventCountMax + 377

    /// A bare log of `eventCount` stock events: a receipt of one unit at each odd position, the
    /// safety stock set to the position at each even one (so the state shows the order folded
    /// in), except at `undecodable` positions, which hold bytes the codec cannot read.
    private static func log(undecodable: Set<UInt64> = []) throws -> (LMDBEventLog, path: String) {
        try log(undecodable: undecodable) { position in
            let at = Timestamp(microsecondsSince1970: 1)
            return .stock(item, position % 2 == 1 ? .received(quantity: 1, at: at) : .safetyStockSet(quantity: Int64(position), at: at))
        }
    }

    /// A bare log of `eventCount` events, `event(position)` at each position except at
    /// `undecodable` ones, which hold bytes the codec cannot read.
    private static func log(
        undecodable: Set<UInt64> = [], event: (UInt64) -> DomainEvent
    ) throws -> (LMDBEventLog, path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-ahead-\(UUID().uuidString)").path
        let log = try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none), logger: quietLogger)
        let codec = EventCodec()
        let requestEventCount = 100
        var position: UInt64 = 0
        var requests: [AppendRequest] = []
        while position < UInt64(eventCount) {
            let commandId = UUID()
            let metadata = EventMetadata(
                commandId: commandId, correlationId: commandId, causationId: commandId, timestampMicroseconds: 1, actor: "test")
            var events: [ProposedEvent] = []
            for _ in 0..<min(requestEventCount, eventCount - Int(position)) {
                position += 1
                var proposed = codec.proposedEvent(event(position), metadata: metadata)
                if undecodable.contains(position) { proposed.payload = [0xFF, 0xFF] }
                events.append(proposed)
            }
            requests.append(AppendRequest(commandId: commandId, events: events))
        }
        _ = try log.commit(requests) { _, _ in }
        return (log, path)
    }

    @Test
    func foldsWhatTheOneThreadFoldFoldsAtEveryCut() throws {
        let (log, path) = try Self.log()
        defer {
            log.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        let chunk = UInt64(EventReplay.chunkEventCountMax)
        let cuts: [UInt64] = [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk, UInt64(Self.eventCount) - 1, UInt64(Self.eventCount)]
        for cut in cuts {
            let ahead = try EventReplay.statesDecodingAhead(from: log, through: cut, codec: EventCodec())
            #expect(ahead == (try EventReplay.states(from: log, through: cut, codec: EventCodec())), "cut at \(cut)")
            #expect(ahead.stock(Self.item).onHand == Int64((cut + 1) / 2), "cut at \(cut)")
            #expect(ahead.stock(Self.item).safetyStock == Int64(cut / 2 * 2), "cut at \(cut)")
        }
    }

    /// Whether position `position` of a log of both halves holds a catalog event rather than a
    /// stock one: runs of either, of every length up to 7.
    private static func holdsCatalogEvent(_ position: UInt64) -> Bool { position % 8 < position % 7 }

    /// Events of both halves, interleaved: stock events as above, and five catalog SKUs listed and
    /// delisted in turn, so each half's last event differs from cut to cut.
    @Test
    func foldsBothHalvesAsOneFoldAtEveryCut() throws {
        let at = Timestamp(microsecondsSince1970: 1)
        let skus = try (0..<5).map { try SKUID("c\($0)") }
        let (log, path) = try Self.log { position in
            guard Self.holdsCatalogEvent(position) else {
                return .stock(Self.item, .safetyStockSet(quantity: Int64(position), at: at))
            }
            return .catalog(skus[Int(position % 5)], position % 2 == 0 ? .listed(at: at) : .delisted(at: at))
        }
        defer {
            log.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        let chunk = UInt64(EventReplay.chunkEventCountMax)
        let cuts: [UInt64] = [0, 1, 2, 3, chunk - 1, chunk, chunk + 1, 3 * chunk + 2, UInt64(Self.eventCount) - 1, UInt64(Self.eventCount)]
        for cut in cuts {
            let ahead = try EventReplay.statesDecodingAhead(from: log, through: cut, codec: EventCodec())
            let folded = try EventReplay.states(from: log, through: cut, codec: EventCodec())
            #expect(ahead == folded, "cut at \(cut)")
            if cut >= chunk {
                #expect(folded.catalogs.count == 5 && folded.stocks.count == 1, "cut at \(cut)")
            }
        }
    }

    /// A bad event of either half stops the fold of both at it.
    @Test
    func failsAtTheFirstUndecodableEventOfEitherHalf() throws {
        let at = Timestamp(microsecondsSince1970: 1)
        let sku: SKUID = "c1"
        let from = UInt64(2 * EventReplay.chunkEventCountMax)
        let firstCatalog = (from...).first { Self.holdsCatalogEvent($0) }!
        let firstStock = (from...).first { !Self.holdsCatalogEvent($0) }!
        for bad in [firstCatalog, firstStock] {
            let (log, path) = try Self.log(undecodable: [bad, UInt64(Self.eventCount) - 1]) { position in
                Self.holdsCatalogEvent(position) ? .catalog(sku, .listed(at: at)) : .stock(Self.item, .received(quantity: 1, at: at))
            }
            defer {
                log.close()
                try? FileManager.default.removeItem(atPath: path)
            }
            do {
                _ = try EventReplay.statesDecodingAhead(from: log, through: UInt64(Self.eventCount), codec: EventCodec())
                Issue.record("a log with an undecodable event at \(bad) was replayed")
            } catch EngineError.undecodableEvent(let position, _) {
                #expect(position == bad)
            }
            let before = try EventReplay.statesDecodingAhead(from: log, through: bad - 1, codec: EventCodec())
            #expect(before == (try EventReplay.states(from: log, through: bad - 1, codec: EventCodec())))
        }
    }

    /// Whichever thread decodes which chunk, the error reported is the first bad event's, even
    /// when a later chunk is decoded, and fails, first.
    @Test
    func failsAtTheFirstUndecodableEvent() throws {
        let first = UInt64(2 * EventReplay.chunkEventCountMax + 5)
        let (log, path) = try Self.log(undecodable: [first, first + 1, UInt64(Self.eventCount) - 2])
        defer {
            log.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        for _ in 0..<20 {
            do {
                _ = try EventReplay.statesDecodingAhead(from: log, through: UInt64(Self.eventCount), codec: EventCodec())
                Issue.record("a log with undecodable events was replayed")
            } catch EngineError.undecodableEvent(let position, _) {
                #expect(position == first)
            }
        }
        // Up to the event before it, the replay folds everything.
        let before = try EventReplay.statesDecodingAhead(from: log, through: first - 1, codec: EventCodec())
        #expect(before.stock(Self.item).onHand == Int64(first / 2))
    }

    /// A replay sizes a hot SKU's hold table from the stored inventory counts: units held bound
    /// the holds, capped at the orders; items holding fewer than the minimum are left to grow.
    @Test
    func boundsEachItemsHoldsByItsStoredUnitsHeld() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 150, members: 10)
        let commands = try (0..<40).map { EngineCommand(actor: "member:m\($0 % 10)", command: try fixture.placeOrder("o\($0)", member: $0 % 10, quantity: 2)) }
        for result in await fixture.engine.execute(contentsOf: commands) { _ = try result.get() }
        let hot = StockItemID(sku: "hot", warehouse: "w1")
        let log = fixture.engine.log
        #expect(try InventoryProjection.storedHoldBounds(log, countMin: 1, countMax: 1_000) == [hot: 80])
        #expect(try InventoryProjection.storedHoldBounds(log, countMin: 1, countMax: 40) == [hot: 40])
        #expect(try InventoryProjection.storedHoldBounds(log, countMin: 81, countMax: 1_000) == [:])

        var states = try EventReplay.states(from: log, codec: EventCodec())
        let folded = states
        let elsewhere = states.reserveCapacity(reservations: 1_000, in: StockItemID(sku: "hot", warehouse: "w2"))
        #expect(!elsewhere)
        let here = states.reserveCapacity(reservations: 1_000, in: hot)
        #expect(here)
        #expect(states.stock(hot).reservations.capacity >= 1_000)
        #expect(states == folded)
        #expect(states.stock(hot).reservations.count == 40)
        #expect(try EventReplay.statesDecodingAhead(from: log, through: try log.lastPosition(), codec: EventCodec()) == folded)

        // A damaged row whose units held overflow when summed bounds the holds by the orders.
        var damaged = StockCounts()
        (damaged.reserved, damaged.committed, damaged.backordered) = (.max, .max, .max)
        let items = try log.table(named: InventoryProjection.itemTableName)
        _ = try log.commit([]) { _, writer in
            try Array(hot.streamId.utf8).withUnsafeBytes { key in
                try damaged.encoded.withUnsafeBytes { try writer.put(items, key: key, value: $0) }
            }
        }
        #expect(try InventoryProjection.storedHoldBounds(log, countMin: 1, countMax: 40) == [hot: 40])
        #expect(try EventReplay.statesDecodingAhead(from: log, through: try log.lastPosition(), codec: EventCodec()) == folded)
    }
}
