import Foundation
import OrderDomain
import OrderEngine
import Testing

/// Bad input is refused with a clear, typed error and writes nothing: through the engine for
/// commands, and already when ids, currencies and JSON are made.
@Suite("Input limits")
struct InputLimitTests {
    /// `hot` (10.00 CNY, 100 units), `usd-hat` (5.00 USD, 100 units) and `pricey` (the most a
    /// price may be, 100 units), members m0 and m1.
    private func shop() async throws -> EngineFixture {
        let fixture = try EngineFixture()
        try await fixture.stockHotSKU(units: 100, members: 2)
        for (sku, price) in [("usd-hat", Money(minorUnits: 500, currency: .usd)), ("pricey", Money(minorUnits: Limits.amountMinorUnitsMax, currency: .cny))] {
            let id = try SKUID(sku)
            try await fixture.run(.catalog(id, .register(SKUDefinition(id: id, title: sku, price: price, categoryPath: ["x"]), at: fixture.now)))
            try await fixture.run(.catalog(id, .list(at: fixture.now)))
            try await fixture.run(.stock(StockItemID(sku: id, warehouse: "w1"), .receive(quantity: 100, at: fixture.now)))
        }
        return fixture
    }

    private func place(_ fixture: EngineFixture, _ lines: [LineQuantity], order: String = "o-bad") throws -> DomainCommand {
        .placeOrder(
            PlaceOrder(
                order: try OrderID(order), member: "m0", lines: lines,
                shippingAddress: PostalAddress(
                    recipient: "M", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000"),
                coupon: nil, at: fixture.now))
    }

    /// Runs `command` and expects a refusal with `code` whose message contains `text`, and no write.
    private func expectRefusal(
        _ fixture: EngineFixture, _ command: DomainCommand, _ code: RefusalCode, _ text: String
    ) async throws {
        let before = try fixture.engine.log.lastPosition()
        let result = await fixture.engine.execute(contentsOf: [EngineCommand(actor: "member:m0", command: command)])[0]
        guard case .failure(.refused(let refusal)) = result else {
            Issue.record("expected a refusal with \(code), got \(result)")
            return
        }
        #expect(refusal.code == code)
        #expect(refusal.message.contains(text), "\(refusal.message)")
        #expect(try fixture.engine.log.lastPosition() == before)
    }

    @Test
    func refusesOrdersWithTooManyLines() async throws {
        let fixture = try await shop()
        let lines = (0...Limits.orderLineCountMax).map { LineQuantity(sku: try! SKUID("sku-\($0)"), quantity: 1) }
        try await expectRefusal(fixture, try place(fixture, lines), .validationFailed, "at most \(Limits.orderLineCountMax) lines")
    }

    @Test(arguments: [0, -1, Int64.min, Limits.quantityMax + 1])
    func refusesQuantitiesOutsideTheirRange(quantity: Int64) async throws {
        let fixture = try await shop()
        try await expectRefusal(fixture, try place(fixture, [LineQuantity(sku: "hot", quantity: quantity)]), .validationFailed, "quantity")
        let receive = DomainCommand.stock(StockItemID(sku: "hot", warehouse: "w1"), .receive(quantity: quantity, at: fixture.now))
        try await expectRefusal(fixture, receive, .validationFailed, "quantity")
    }

    @Test
    func refusesAmountsThatOverflow() async throws {
        let fixture = try await shop()
        try await expectRefusal(fixture, try place(fixture, [LineQuantity(sku: "pricey", quantity: 10_000)]), .validationFailed, "overflow")
        try await fixture.run(try place(fixture, [LineQuantity(sku: "hot", quantity: 1)], order: "o-ok"))
        let huge = DomainCommand.authorizePayment("p-huge", order: "o-ok", method: .card, amount: Money(minorUnits: .max, currency: .cny), at: fixture.now)
        try await expectRefusal(fixture, huge, .validationFailed, "minor units")
    }

    @Test
    func refusesMixedCurrenciesInOneOrder() async throws {
        let fixture = try await shop()
        let lines = [LineQuantity(sku: "hot", quantity: 1), LineQuantity(sku: "usd-hat", quantity: 1)]
        try await expectRefusal(fixture, try place(fixture, lines), .validationFailed, "cannot mix CNY and USD")
    }

    @Test
    func refusesPaymentsInAnotherCurrencyThanTheOrder() async throws {
        let fixture = try await shop()
        try await fixture.run(try place(fixture, [LineQuantity(sku: "hot", quantity: 1)], order: "o-ok"))
        let dollars = DomainCommand.authorizePayment("p-usd", order: "o-ok", method: .card, amount: Money(minorUnits: 1_000, currency: .usd), at: fixture.now)
        try await expectRefusal(fixture, dollars, .currencyMismatch, "USD")
    }

    @Test
    func refusesOversizeText() async throws {
        let fixture = try await shop()
        try await fixture.run(try place(fixture, [LineQuantity(sku: "hot", quantity: 1)], order: "o-ok"))
        let essay = String(repeating: "x", count: Limits.textBytesMax + 1)
        try await expectRefusal(fixture, .cancelOrder("o-ok", reason: essay, at: fixture.now), .validationFailed, "reason")
        try await expectRefusal(fixture, .cancelOrder("o-ok", reason: "bad\u{0}reason", at: fixture.now), .validationFailed, "control")
    }

    @Test(arguments: [String(repeating: "x", count: domainIDByteCountMax + 1), "", "o\u{0}1", "o\n1", "o\u{7F}"])
    func refusesBadIdsWhenMadeAndWhenDecoded(raw: String) throws {
        #expect(throws: Refusal.self) { try OrderID(raw) }
        let good = DomainCommand.expireOrder("o-good", at: Timestamp(microsecondsSince1970: 1))
        let json = try Self.json(good, replacing: "o-good", with: raw)
        #expect(try JSONDecoder().decode(DomainCommand.self, from: Self.json(good, replacing: "o-good", with: "o-good")) == good)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DomainCommand.self, from: json) }
    }

    @Test(arguments: ["XYZ", "cny", "CN", "CNYY", ""])
    func refusesUnknownCurrenciesWhenMadeAndWhenDecoded(code: String) throws {
        #expect(throws: Refusal.self) { try Currency(code) }
        let json = try Self.json(Money(minorUnits: 100, currency: .cny), replacing: "CNY", with: code)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: json) }
    }

    /// `value` as JSON with the string `old` replaced by the string `new`.
    private static func json(_ value: some Encodable, replacing old: String, with new: String) throws -> Data {
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let quoted = String(decoding: try JSONEncoder().encode(new), as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\"\(old)\"", with: quoted).utf8)
    }
}
