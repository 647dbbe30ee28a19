/// A priced line together with its SKU's category path, as a coupon sees it.
public struct CouponLine: Sendable, Hashable {
    /// The priced line.
    public let line: OrderLine
    /// The SKU's category path, root first.
    public let categoryPath: [String]

    /// Pairs a line with its categories.
    public init(line: OrderLine, categoryPath: [String]) {
        self.line = line
        self.categoryPath = categoryPath
    }
}

extension Coupon {
    /// The discount a coupon gives these lines, or `coupon_not_applicable` when no line is in
    /// scope or the eligible subtotal is below the minimum spend.
    public static func discount(_ definition: CouponDefinition, for lines: [CouponLine]) throws(Refusal) -> Money {
        var eligible: Int64 = 0
        for item in lines where definition.scope.covers(item) {
            try Validation.sameCurrency(item.line.unitPrice, definition.currency)
            let total = try Validation.multiply(item.line.unitPrice.minorUnits, item.line.quantity, "line total")
            eligible = try Validation.add(eligible, total, "eligible subtotal")
        }
        guard eligible > 0 else { throw Refusal(.couponNotApplicable, "no line is in the coupon's scope") }
        guard eligible >= definition.minimumSpend.minorUnits else {
            throw Refusal(.couponNotApplicable, "minimum spend is \(definition.minimumSpend.minorUnits)")
        }
        switch definition.discount {
        case .fixed(let amount):
            return Money(minorUnits: min(amount.minorUnits, eligible), currency: definition.currency)
        case .percentage(let basisPoints):
            let off = Int128(eligible) * Int128(basisPoints) / 10_000
            return Money(minorUnits: Int64(off), currency: definition.currency)
        }
    }
}

extension CouponScope {
    func covers(_ item: CouponLine) -> Bool {
        switch self {
        case .everything:
            return true
        case .skus(let skus):
            return skus.contains(item.line.sku)
        case .categories(let paths):
            return paths.contains { path in item.categoryPath.starts(with: path) }
        }
    }
}
