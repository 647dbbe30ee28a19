import Foundation
import OrderDomain
import Testing

@Suite struct SharedTests {
    @Test func currencyKnowsISOCodesAndExponents() throws {
        #expect(try Currency("CNY").minorUnitExponent == 2)
        #expect(try Currency("JPY").minorUnitExponent == 0)
        #expect(try Currency("KWD").minorUnitsPerMajorUnit == 1_000)
        #expect(try Currency("CNY") == .cny)
        #expect(Currency.cny.code == "CNY")
    }

    @Test(arguments: ["", "XYZ", "cny", "CNYX", "C1Y", "¥", "AAA", "ZZZ", "[AA", "AA@"])
    func currencyRefusesUnknownCodes(code: String) {
        expectRefusal(.validationFailed) { () throws(Refusal) in try Currency(code) }
        expectRefusal(.validationFailed) { () throws(Refusal) in try Currency(utf8: Array(code.utf8)) }
    }

    @Test func currencyFromBytesEqualsCurrencyFromText() throws {
        for code in ["AED", "ZWG", "CNY", "JPY", "KWD", "CLF"] {
            #expect(try Currency(utf8: Array(code.utf8)) == Currency(code))
            #expect(try Currency(utf8: Array(code.utf8)).code == code)
        }
        #expect(try Currency(utf8: Array("CLF".utf8)).minorUnitExponent == 4)
    }

    @Test func moneyRefusesMixedCurrenciesAndOverflow() {
        expectRefusal(.currencyMismatch) { () throws(Refusal) in try cny(1).adding(usd(1)) }
        expectRefusal(.validationFailed) { () throws(Refusal) in try cny(.max).adding(cny(1)) }
        expectRefusal(.validationFailed) { () throws(Refusal) in try cny(.min).subtracting(cny(1)) }
        expectRefusal(.validationFailed) { () throws(Refusal) in try cny(.max / 2).multiplied(by: 3) }
    }

    @Test func moneyAddsWithinOneCurrency() throws {
        #expect(try cny(150).adding(cny(50)) == cny(200))
        #expect(try cny(150).multiplied(by: 3) == cny(450))
    }

    @Test(arguments: ["", String(repeating: "a", count: 65), "a\u{0}b", "tab\there", "bell\u{7}", "c1\u{85}"])
    func idsRefuseBadText(raw: String) {
        expectRefusal(.validationFailed) { () throws(Refusal) in try OrderID(raw) }
    }

    @Test func stockIdsCannotBeAmbiguous() throws {
        expectRefusal(.validationFailed) { () throws(Refusal) in try SKUID(String("a@b")) }
        expectRefusal(.validationFailed) { () throws(Refusal) in try WarehouseID(String("a@b")) }
        #expect(try MemberID(String("someone@example.com")).rawValue == "someone@example.com")
    }

    @Test func idsNameTheirStreams() {
        #expect(OrderID("o1").streamId == "order-o1")
        #expect(SKUID("s1").streamId == "sku-s1")
        #expect(MemberID("m1").streamId == "member-m1")
        #expect(CouponCode("SAVE10").streamId == "coupon-SAVE10")
        #expect(PaymentID("p1").streamId == "payment-p1")
        #expect(ShipmentID("sh1").streamId == "shipment-sh1")
        #expect(AfterSaleID("a1").streamId == "aftersale-a1")
        #expect(StockItemID(sku: "s1", warehouse: "w1").streamId == "stock-s1@w1")
    }

    @Test func idsAndCurrenciesValidateWhenDecoded() throws {
        let decoder = JSONDecoder()
        #expect(throws: DecodingError.self) { try decoder.decode(OrderID.self, from: Data("\"\"".utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Currency.self, from: Data("\"XYZ\"".utf8)) }
        #expect(try decoder.decode(OrderID.self, from: Data("\"o-1\"".utf8)) == "o-1")
        let money = try decoder.decode(Money.self, from: JSONEncoder().encode(cny(5)))
        #expect(money == cny(5))
    }

    @Test func timestampsRefuseOverflow() {
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try Timestamp(microsecondsSince1970: .max).adding(microseconds: 1)
        }
    }

    @Test func refusalCodesAreSnakeCase() {
        for code in RefusalCode.allCases {
            #expect(code.rawValue.allSatisfy { $0 == "_" || ("a"..."z").contains($0) })
        }
        #expect(RefusalCode.insufficientStock.rawValue == "insufficient_stock")
    }

    @Test func policyRefusesNonsense() {
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try DomainPolicy(paymentTimeoutMicroseconds: 0).validate()
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try DomainPolicy(pointsRedemptionRate: 0).validate()
        }
    }
}
