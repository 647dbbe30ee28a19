/// Checks shared by every decider; each throws `validation_failed` and builds its message
/// only when the check fails.
enum Validation {
    static func positive(_ quantity: Int64, _ field: StaticString) throws(Refusal) {
        guard quantity > 0, quantity <= Limits.quantityMax else {
            throw .validation("\(field) must be in 1...\(Limits.quantityMax), got \(quantity)")
        }
    }

    static func nonNegative(_ quantity: Int64, _ field: StaticString) throws(Refusal) {
        guard quantity >= 0, quantity <= Limits.quantityMax else {
            throw .validation("\(field) must be in 0...\(Limits.quantityMax), got \(quantity)")
        }
    }

    static func amount(_ money: Money, _ field: StaticString, allowZero: Bool = false) throws(Refusal) {
        let low: Int64 = allowZero ? 0 : 1
        guard money.minorUnits >= low, money.minorUnits <= Limits.amountMinorUnitsMax else {
            throw .validation(
                "\(field) must be in \(low)...\(Limits.amountMinorUnitsMax) minor units, got \(money.minorUnits)")
        }
    }

    static func sameCurrency(_ money: Money, _ currency: Currency) throws(Refusal) {
        guard money.currency == currency else {
            throw Refusal(.currencyMismatch, "expected \(currency.code), got \(money.currency.code)")
        }
    }

    static func text(
        _ value: String, _ field: StaticString, maxBytes: Int = Limits.textBytesMax, allowEmpty: Bool = false
    ) throws(Refusal) {
        let count = value.utf8.count
        guard allowEmpty || count > 0, count <= maxBytes else {
            throw .validation("\(field) must be \(allowEmpty ? 0 : 1)...\(maxBytes) UTF-8 bytes, got \(count)")
        }
        guard !value.unicodeScalars.contains(where: Validation.isControl) else {
            throw .validation("\(field) must not contain control characters")
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func add(_ a: Int64, _ b: Int64, _ field: StaticString) throws(Refusal) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .validation("\(field) overflows") }
        return sum
    }

    static func multiply(_ a: Int64, _ b: Int64, _ field: StaticString) throws(Refusal) -> Int64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .validation("\(field) overflows") }
        return product
    }
}
