import Foundation
import OrderEngine
import Testing

/// Two SKUs (`hot` at 10.00 CNY, `cold` at 25.00 CNY, plenty of stock) and members m0...m(n-1).
extension EngineFixture {
    func stockTwoSKUs(members: Int) async throws {
        try await stockHotSKU(units: 100_000, members: members)
        let cold = SKUDefinition(id: "cold", title: "Cold item", price: Money(minorUnits: 2_500, currency: .cny), categoryPath: ["deals"])
        try await run(.catalog("cold", .register(cold, at: now)))
        try await run(.catalog("cold", .list(at: now)))
        try await run(.stock(StockItemID(sku: "cold", warehouse: "w1"), .receive(quantity: 100_000, at: now)))
    }

    func placeOrder(_ order: String, member: Int, hot: Int64, cold: Int64) -> DomainCommand {
        var lines: [LineQuantity] = []
        if hot > 0 { lines.append(LineQuantity(sku: "hot", quantity: hot)) }
        if cold > 0 { lines.append(LineQuantity(sku: "cold", quantity: cold)) }
        let address = PostalAddress(
            recipient: "Member", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000")
        return .placeOrder(PlaceOrder(order: try! OrderID(order), member: try! MemberID("m\(member)"), lines: lines, shippingAddress: address, at: now))
    }

    /// Authorizes and captures what the order owes through payment `p-<order>`.
    func pay(_ order: String) async throws {
        let id = try OrderID(order)
        let due = try #require(try engine.order(id)?.order.placement?.totalDue)
        let payment = try PaymentID("p-\(order)")
        try await run(.authorizePayment(payment, order: id, method: .alipay, amount: due, at: now))
        try await run(.payment(payment, .capture(amount: due, at: now)))
    }

    func refund(_ order: String, minorUnits: Int64) async throws {
        try await run(.payment(try PaymentID("p-\(order)"), .refund(amount: Money(minorUnits: minorUnits, currency: .cny), at: now)))
    }

    func nextDay() { clock.advance(seconds: 86_400) }

    var today: SalesDay { SalesDay(containing: now) }

    func salesCaughtUp() async throws {
        try await engine.waitForSalesProjection(through: try engine.log.lastPosition())
    }
}

private func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

@Suite("Sales report")
struct SalesReportTests {
    @Test
    func countsRevenueOrdersUnitsAndRefundsPerDayAndRanksTopSellers() async throws {
        let fixture = try EngineFixture()
        try await fixture.stockTwoSKUs(members: 2)
        let first = fixture.today
        try await fixture.run(fixture.placeOrder("o1", member: 0, hot: 2, cold: 1))
        try await fixture.pay("o1")
        fixture.nextDay()
        let second = fixture.today
        try await fixture.run(fixture.placeOrder("o2", member: 1, hot: 1, cold: 0))
        try await fixture.pay("o2")
        try await fixture.run(fixture.placeOrder("unpaid", member: 1, hot: 0, cold: 3))
        fixture.nextDay()
        try await fixture.refund("o1", minorUnits: 1_000)
        let last = fixture.today
        try await fixture.salesCaughtUp()

        let report = try fixture.engine.salesReport(from: first, through: last)
        #expect(report.days.map(\.day) == [first, second, last])
        #expect(report.days[0].byCurrency[.cny]?.revenue == cny(4_500))
        #expect(report.days[0].byCurrency[.cny]?.orders == 1)
        #expect(report.days[0].byCurrency[.cny]?.units == 3)
        #expect(report.days[1].byCurrency[.cny]?.revenue == cny(1_000))
        #expect(report.days[1].byCurrency[.cny]?.units == 1)
        #expect(report.days[2].byCurrency[.cny]?.refunded == cny(1_000))
        #expect(report.days[2].byCurrency[.cny]?.orders == 0)
        let totals = try #require(report.totals[.cny])
        #expect(totals.revenue == cny(5_500))
        #expect(totals.refunded == cny(1_000))
        #expect(totals.orders == 2)
        #expect(totals.units == 4)
        #expect(totals.refundRate == 1_000.0 / 5_500.0)
        #expect(report.topSellers == [
            TopSeller(sku: "hot", units: 3, revenue: cny(3_000), orders: 2),
            TopSeller(sku: "cold", units: 1, revenue: cny(2_500), orders: 1),
        ])
        #expect(report.position == (try fixture.engine.log.lastPosition()))

        let middle = try fixture.engine.salesReport(from: second, through: second, topSellerLimit: 1)
        #expect(middle.days.map(\.day) == [second])
        #expect(middle.totals[.cny]?.refundRate == 0)
        #expect(middle.topSellers.map(\.sku) == ["hot"])
        let refundOnly = try fixture.engine.salesReport(from: last, through: last)
        #expect(refundOnly.totals[.cny]?.refundRate == nil)
        #expect(refundOnly.topSellers.isEmpty)
    }

    @Test
    func refusesReversedTooLongAndUnlimitedRanges() async throws {
        let fixture = try EngineFixture()
        let day = try SalesDay(year: 2026, month: 3, day: 1)
        let before = try SalesDay(year: 2026, month: 2, day: 28)
        #expect(throws: SalesError.rangeReversed(from: day, through: before)) {
            try fixture.engine.salesReport(from: day, through: before)
        }
        let day367 = try SalesDay(year: 2027, month: 3, day: 2)
        #expect(throws: SalesError.rangeTooLong(from: day, through: day367, dayCountMax: 366)) {
            try fixture.engine.salesReport(from: day, through: day367)
        }
        let day366 = try SalesDay(year: 2027, month: 3, day: 1)
        #expect(try fixture.engine.salesReport(from: day, through: day366).days.isEmpty)
        for limit in [0, -1, SalesReport.topSellerCountMax + 1] {
            #expect(throws: SalesError.limitOutOfRange(limit: limit, limitMax: SalesReport.topSellerCountMax)) {
                try fixture.engine.salesReport(from: day, through: day, topSellerLimit: limit)
            }
        }
        #expect(throws: SalesError.invalidDate(year: 2026, month: 2, day: 29)) { try SalesDay(year: 2026, month: 2, day: 29) }
    }
}
