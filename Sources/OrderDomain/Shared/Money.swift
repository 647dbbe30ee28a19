/// An amount of money: integer minor units (fen, cents) of one currency, never floating point.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in the currency's minor units.
    public let minorUnits: Int64
    /// The currency the amount is in.
    public let currency: Currency

    /// Creates an amount; range checks happen in the deciders that accept it.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// The amount with its currency, for messages.
    public var description: String { "\(minorUnits) \(currency.code) minor units" }

    /// Adds two amounts, refusing mixed currencies and overflow instead of trapping.
    public func adding(_ other: Money) throws(Refusal) -> Money {
        try Validation.sameCurrency(other, currency)
        return Money(minorUnits: try Validation.add(minorUnits, other.minorUnits, "money sum"), currency: currency)
    }

    /// Subtracts an amount, refusing mixed currencies and overflow instead of trapping.
    public func subtracting(_ other: Money) throws(Refusal) -> Money {
        try Validation.sameCurrency(other, currency)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .validation("money difference overflows") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// Multiplies by a quantity (a unit price times units), refusing overflow.
    public func multiplied(by quantity: Int64) throws(Refusal) -> Money {
        Money(minorUnits: try Validation.multiply(minorUnits, quantity, "money product"), currency: currency)
    }
}
