import Foundation
import OrderEngine

/// Timestamps at the edge: RFC 3339 text in UTC with microseconds, such as
/// `2026-11-11T00:00:00.000000Z`.
enum RFC3339 {
    static func string(_ timestamp: Timestamp) -> String {
        let micros = timestamp.microsecondsSince1970
        let seconds = micros.floorDivided(by: 1_000_000)
        let fraction = micros - seconds * 1_000_000
        let day = SalesDay(containing: timestamp)
        let (year, month, dayOfMonth) = day.date
        let secondOfDay = seconds - day.daysSince1970 * 86_400
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2) + "T" + pad(Int(secondOfDay / 3600), 2) + ":"
            + pad(Int(secondOfDay / 60 % 60), 2) + ":" + pad(Int(secondOfDay % 60), 2) + "." + pad(Int(fraction), 6) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The instants `string` can write with a four-digit year: 0001-01-01 through 9999-12-31.
    static let microsecondsRange: ClosedRange<Int64> = -62_135_596_800_000_000...253_402_300_799_999_999

    static func timestamp(_ text: String) -> Timestamp? {
        let styles = [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()]
        for style in styles {
            if let date = try? style.parse(text) {
                let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
                guard micros.magnitude < 9e18, microsecondsRange.contains(Int64(micros)) else { return nil }
                return Timestamp(microsecondsSince1970: Int64(micros))
            }
        }
        return nil
    }
}

/// A timestamp in a request body, written as RFC 3339 text.
struct WireTimestamp: Decodable, Sendable {
    let value: Timestamp

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = RFC3339.timestamp(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "must be an RFC 3339 date-time in the years 0001 to 9999"))
        }
        self.value = value
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
