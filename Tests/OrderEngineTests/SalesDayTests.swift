import OrderEngine
import Testing

@Suite("Sales day")
struct SalesDayTests {
    @Test
    func namesTheUTCDayATimestampFallsOn() throws {
        #expect(SalesDay(containing: Timestamp(microsecondsSince1970: 0)).description == "1970-01-01")
        #expect(SalesDay(containing: Timestamp(microsecondsSince1970: -1)).description == "1969-12-31")
        #expect(SalesDay(containing: Timestamp(microsecondsSince1970: -1)).daysSince1970 == -1)
        let newYear = SalesDay(containing: Timestamp(microsecondsSince1970: 1_767_225_600_000_000))
        #expect(newYear == (try SalesDay(year: 2026, month: 1, day: 1)))
        #expect(newYear.daysSince1970 == 20_454)
        let lastMicrosecond = SalesDay(containing: Timestamp(microsecondsSince1970: 1_767_225_600_000_000 - 1))
        #expect(lastMicrosecond.description == "2025-12-31")
    }

    @Test
    func convertsEveryDateOfFourHundredYearsBothWays() throws {
        var expected = try SalesDay(year: 1900, month: 1, day: 1).daysSince1970
        for year in 1900..<2300 {
            for month in 1...12 {
                for day in 1...31 {
                    guard let salesDay = try? SalesDay(year: year, month: month, day: day) else { continue }
                    #expect(salesDay.daysSince1970 == expected)
                    #expect(salesDay.date == (year, month, day))
                    expected += 1
                }
            }
        }
        #expect(expected == (try SalesDay(year: 2300, month: 1, day: 1)).daysSince1970)
    }

    @Test
    func refusesDatesThatDoNotExist() throws {
        #expect(throws: Never.self) { try SalesDay(year: 2024, month: 2, day: 29) }
        #expect(throws: Never.self) { try SalesDay(year: 2000, month: 2, day: 29) }
        for (year, month, day) in [(2023, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 1), (2026, 1, 0), (0, 1, 1), (10_000, 1, 1)] {
            #expect(throws: SalesError.invalidDate(year: year, month: month, day: day)) { try SalesDay(year: year, month: month, day: day) }
        }
    }
}
