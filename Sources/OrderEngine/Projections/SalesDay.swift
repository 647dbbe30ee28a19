import OrderDomain

/// A calendar day in UTC: the unit sales are counted in, so a report means the same wherever it
/// is read.
public struct SalesDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let microsecondsPerDay: Int64 = 86_400_000_000
    /// The days any `Timestamp` can fall on lie within this many days of 1970-01-01.
    static let daysFromEpochMax = Int64.max / microsecondsPerDay + 1

    /// Days since 1970-01-01 (negative before it).
    public let daysSince1970: Int64

    init(daysSince1970: Int64) {
        precondition(abs(daysSince1970) <= Self.daysFromEpochMax, "day \(daysSince1970) is beyond any timestamp")
        self.daysSince1970 = daysSince1970
    }

    /// The UTC day `timestamp` falls on.
    public init(containing timestamp: Timestamp) {
        let micros = timestamp.microsecondsSince1970
        let days = micros / Self.microsecondsPerDay
        self.init(daysSince1970: micros % Self.microsecondsPerDay < 0 ? days - 1 : days)
    }

    /// The day of a Gregorian date; refuses dates that do not exist (February 30) and years
    /// outside 1...9999.
    public init(year: Int, month: Int, day: Int) throws(SalesError) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month, of: year) else {
            throw .invalidDate(year: year, month: month, day: day)
        }
        self.init(daysSince1970: Int64(Self.days(year: year, month: month, day: day)))
    }

    /// The Gregorian year, month (1...12) and day of the month (1...31).
    public var date: (year: Int, month: Int, day: Int) {
        let shifted = Int(daysSince1970) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = date
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (left: SalesDay, right: SalesDay) -> Bool {
        left.daysSince1970 < right.daysSince1970
    }

    /// Days from 1970-01-01 to a valid date, counting from March so the leap day comes last.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
