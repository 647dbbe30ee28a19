/// Why a sales query was refused or the sales projection stopped.
public enum SalesError: Error, Sendable, Hashable {
    /// The range ends before it starts.
    case rangeReversed(from: SalesDay, through: SalesDay)
    /// The range spans more days than a report may (`SalesReport.dayCountMax`).
    case rangeTooLong(from: SalesDay, through: SalesDay, dayCountMax: Int)
    /// A top-seller limit outside `1...SalesReport.topSellerCountMax`.
    case limitOutOfRange(limit: Int, limitMax: Int)
    /// No such Gregorian date (or a year outside 1...9999).
    case invalidDate(year: Int, month: Int, day: Int)
    /// A stored sales entry has the wrong shape: the projection is damaged.
    case damagedEntry(problem: String)
}

extension SalesError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .rangeReversed(let from, let through): "the range \(from) through \(through) ends before it starts"
        case .rangeTooLong(let from, let through, let dayCountMax):
            "the range \(from) through \(through) spans more than \(dayCountMax) days"
        case .limitOutOfRange(let limit, let limitMax): "limit \(limit) is outside 1...\(limitMax)"
        case .invalidDate(let year, let month, let day): "\(year)-\(month)-\(day) is not a date"
        case .damagedEntry(let problem): "damaged sales entry: \(problem)"
        }
    }
}
