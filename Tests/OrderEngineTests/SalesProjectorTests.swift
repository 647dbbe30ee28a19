import Foundation
@testable import OrderEngine
import Testing

/// The sales figures worked out directly from every event in the log, as a check on the
/// projection's batches, checkpoints and restarts. Every order in these tests is in CNY.
struct SalesFromScratch {
    struct DayFigures: Equatable {
        var revenue: Int64 = 0
        var refunded: Int64 = 0
        var orders: Int64 = 0
        var units: Int64 = 0
    }

    var days: [SalesDay: DayFigures] = [:]
    var skuUnits: [SKUID: Int64] = [:]
    var skuOrders: [SKUID: Int64] = [:]
    var skuRevenueMinorUnits: Int64 = 0

    init(_ log: LMDBEventLog) throws {
        let codec = EventCodec()
        var placements: [OrderID: OrderPlacement] = [:]
        for record in try log.read(fromPosition: 1, limit: 65_536) {
            guard case .order(let order, let event) = try codec.decode(record) else { continue }
            switch event {
            case .placed(let placement):
                placements[order] = placement
            case .paymentRecorded(_, let amount, let at):
                days[SalesDay(containing: at), default: DayFigures()].revenue += amount.minorUnits
            case .refundRecorded(_, let amount, _, let at):
                days[SalesDay(containing: at), default: DayFigures()].refunded += amount.minorUnits
            case .paid(let at):
                let placement = try #require(placements[order])
                days[SalesDay(containing: at), default: DayFigures()].orders += 1
                skuRevenueMinorUnits += placement.totalDue.minorUnits
                for line in placement.lines {
                    days[SalesDay(containing: at), default: DayFigures()].units += line.quantity
                    skuUnits[line.sku, default: 0] += line.quantity
                    skuOrders[line.sku, default: 0] += 1
                }
            default:
                break
            }
        }
    }

    /// Checks that `report`, covering every day with sales, says the same.
    func expectMatches(_ report: SalesReport) {
        let reported = report.days.map { daily in
            let totals = daily.byCurrency[.cny]
            return DayFigures(
                revenue: totals?.revenue.minorUnits ?? 0, refunded: totals?.refunded.minorUnits ?? 0, orders: totals?.orders ?? 0,
                units: totals?.units ?? 0)
        }
        #expect(report.days.map(\.day) == days.keys.sorted())
        #expect(reported == days.keys.sorted().map { days[$0]! })
        #expect(Dictionary(uniqueKeysWithValues: report.topSellers.map { ($0.sku, $0.units) }) == skuUnits)
        #expect(Dictionary(uniqueKeysWithValues: report.topSellers.map { ($0.sku, $0.orders) }) == skuOrders)
        #expect(report.topSellers.reduce(0) { $0 + $1.revenue.minorUnits } == skuRevenueMinorUnits)
        #expect(report.topSellers.map(\.units) == report.topSellers.map(\.units).sorted(by: >))
    }
}

extension EngineFixture {
    /// Over `dayCount` days, `perDay` orders a day, each paid, every third partly refunded.
    func sellAcrossDays(_ dayCount: Int, perDay: Int, prefix: String) async throws {
        for day in 0..<dayCount {
            for index in 0..<perDay {
                let order = "\(prefix)-\(day)-\(index)"
                try await run(placeOrder(order, member: index % 3, hot: Int64(index % 4), cold: Int64(1 + index % 2)))
                try await pay(order)
                if index % 3 == 0 { try await refund(order, minorUnits: 700) }
            }
            nextDay()
        }
    }

    /// `count` orders placed, then paid, each step sent as one burst of concurrent commands.
    func sellInBursts(_ count: Int, prefix: String) async throws {
        let orders = (0..<count).map { "\(prefix)-\($0)" }
        let places = orders.enumerated().map { index, order in
            EngineCommand(actor: "staff:test", command: placeOrder(order, member: index % 3, hot: Int64(1 + index % 3), cold: Int64(index % 2)))
        }
        for result in await engine.execute(contentsOf: places) { _ = try result.get() }
        var authorizations: [EngineCommand] = []
        var captures: [EngineCommand] = []
        for order in orders {
            let id = try OrderID(order)
            let due = try #require(try engine.order(id)?.order.placement?.totalDue)
            let payment = try PaymentID("p-\(order)")
            authorizations.append(EngineCommand(actor: "staff:test", command: .authorizePayment(payment, order: id, method: .card, amount: due, at: now)))
            captures.append(EngineCommand(actor: "staff:test", command: .payment(payment, .capture(amount: due, at: now))))
        }
        for result in await engine.execute(contentsOf: authorizations) { _ = try result.get() }
        for result in await engine.execute(contentsOf: captures) { _ = try result.get() }
    }

    func fullReport(from: SalesDay) throws -> SalesReport {
        try engine.salesReport(from: from, through: today, topSellerLimit: SalesReport.topSellerCountMax)
    }
}

@Suite("Sales projector")
struct SalesProjectorTests {
    @Test
    func resumesAfterItsCheckpointWithoutCountingAnEventTwice() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockTwoSKUs(members: 3)
        let first = fixture.today
        try await fixture.sellAcrossDays(2, perDay: 3, prefix: "a")
        try await fixture.salesCaughtUp()
        let checkpoint = try fixture.engine.log.lastPosition()
        #expect(fixture.engine.salesProjectionProgress.position == checkpoint)
        #expect(fixture.engine.salesProjectionProgress.eventsApplied == checkpoint)
        let before = try fixture.fullReport(from: first)

        try fixture.reopen()
        try await fixture.salesCaughtUp()
        let resumed = fixture.engine.salesProjectionProgress
        #expect(resumed.position == checkpoint)
        #expect(resumed.eventsApplied == 0)
        #expect(resumed.batchesWritten == 0)
        #expect(try fixture.fullReport(from: first) == before)

        try await fixture.sellAcrossDays(1, perDay: 2, prefix: "b")
        try await fixture.salesCaughtUp()
        let last = try fixture.engine.log.lastPosition()
        #expect(fixture.engine.salesProjectionProgress.eventsApplied == last - checkpoint)
        try SalesFromScratch(fixture.engine.log).expectMatches(try fixture.fullReport(from: first))
    }

    @Test
    func closingWhileItFollowsTheLogNeitherLosesNorDoublesAnEvent() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockTwoSKUs(members: 3)
        let first = fixture.today
        for round in 0..<4 {
            try await fixture.sellInBursts(150, prefix: "r\(round)")
            fixture.nextDay()
            try fixture.reopen()
        }
        try await fixture.salesCaughtUp()
        let last = try fixture.engine.log.lastPosition()
        #expect(last > UInt64(SalesProjector.batchEventCountMax), "\(last) events")
        try SalesFromScratch(fixture.engine.log).expectMatches(try fixture.fullReport(from: first))
    }

    @Test
    func waitingEndsWhenTheEngineCloses() async throws {
        let fixture = try EngineFixture()
        let position = try fixture.engine.log.lastPosition() + 1
        let engine = fixture.engine
        let waiting = Task { try await engine.waitForSalesProjection(through: position) }
        try await Task.sleep(for: .milliseconds(50))
        engine.close()
        await #expect(throws: EngineError.closed) { try await waiting.value }
    }
}
