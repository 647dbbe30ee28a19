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

    /// The decoder's quick test reads eight bytes at a time; it must agree with a byte-by-byte
    /// reading for every byte value at every position of the words and of the tail.
    @Test func quickIdTestAgreesWithAByteByByteReading() {
        func printable(_ bytes: [UInt8], refusingAtSign: Bool) -> Bool {
            !bytes.isEmpty && bytes.count <= domainIDByteCountMax
                && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && !(refusingAtSign && $0 == UInt8(ascii: "@")) }
        }
        for length in [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17] {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = Array(repeating: UInt8(ascii: "k"), count: length)
                    bytes[position] = byte
                    bytes.withUnsafeBytes { raw in
                        #expect(SKUID.isPrintableASCII(raw) == printable(bytes, refusingAtSign: true))
                        #expect(OrderID.isPrintableASCII(raw) == printable(bytes, refusingAtSign: false))
                    }
                }
            }
        }
        for bytes in [[], Array(repeating: UInt8(ascii: "a"), count: 65), Array(" ~".utf8), [0x7E, 0xFF, 0x20]] {
            bytes.withUnsafeBytes { raw in
                #expect(OrderID.isPrintableASCII(raw) == printable(bytes, refusingAtSign: false))
            }
        }
    }

    /// The log keys streams by bytes, so ids compare by bytes: spellings that Unicode calls
    /// equivalent are different ids, as they are different streams.
    @Test func idsAreTheirBytes() throws {
        let letter = OrderID("K")
        let kelvin = OrderID("\u{212A}")
        let composed = MemberID("caf\u{E9}")
        let decomposed = MemberID("cafe\u{301}")
        #expect(letter.rawValue == kelvin.rawValue)  // equal as `String`s
        #expect(letter != kelvin)
        #expect(!letter.streamId.utf8.elementsEqual(kelvin.streamId.utf8))
        #expect(composed != decomposed)
        #expect(Set([letter, kelvin, letter]).count == 2)
        #expect(Set([composed, decomposed]).count == 2)
        // The same bytes in other representations: text kept out of line, a second copy of long text.
        var spacious = String()
        spacious.reserveCapacity(64)
        spacious += "o-1"
        #expect(try OrderID(spacious) == OrderID("o-1"))
        #expect(Set([try OrderID(spacious), try OrderID("o-1")]).count == 1)
        let long = "order-\(String(repeating: "x", count: 40))"
        let copy = String(decoding: Array(long.utf8), as: UTF8.self)
        #expect(try OrderID(long) == OrderID(copy))
        #expect(Set([try OrderID(long), try OrderID(copy)]).count == 1)
        #expect(try OrderID(long) != OrderID(long + "y"))
        #expect(Set([OrderID("o-1"), OrderID("o-1"), OrderID("o-12345678"), OrderID("o-12345678")]).count == 2)
        #expect([kelvin, letter, try OrderID("a"), try OrderID("B")].sorted() == ["B", "K", "a", kelvin])
        var states = DomainStates()
        states.reserveCapacity(orders: 2)
        #expect(states.orders[kelvin] == nil)
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

    @Test func aStockStreamNamesItsItem() {
        let item = StockItemID(sku: "s-1", warehouse: "w-north")
        #expect(StockItemID(streamId: item.streamId) == item)
        #expect(StockItemID(streamId: "sku-s1") == nil)
        #expect(StockItemID(streamId: "stock-s1") == nil)
        #expect(StockItemID(streamId: "stock-@w1") == nil)
        #expect(StockItemID(streamId: "stock-s1@") == nil)
        #expect(StockItemID(streamId: "stock-s1@w\u{1}") == nil)
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
