/// How much a coupon takes off.
public enum CouponDiscount: Sendable, Hashable, Codable {
    /// A fixed amount, capped at the eligible subtotal.
    case fixed(Money)
    /// A share of the eligible subtotal in basis points (1...10000), rounded down.
    case percentage(basisPoints: Int64)
}

/// Which order lines a coupon applies to.
public enum CouponScope: Sendable, Hashable, Codable {
    /// Every line.
    case everything
    /// Lines of these SKUs.
    case skus([SKUID])
    /// Lines whose category path starts with one of these paths.
    case categories([[String]])
}

/// Everything that describes a coupon; kept whole in its definition event.
public struct CouponDefinition: Sendable, Hashable, Codable {
    /// The code shoppers type.
    public let code: CouponCode
    /// How much it takes off.
    public let discount: CouponDiscount
    /// The eligible subtotal below which it does not apply; its currency is the coupon's.
    public let minimumSpend: Money
    /// The first moment it can be redeemed.
    public let validFrom: Timestamp
    /// The first moment it can no longer be redeemed.
    public let validUntil: Timestamp
    /// Which lines it applies to.
    public let scope: CouponScope
    /// How many orders may use it in total.
    public let usageLimit: Int64
    /// How many orders of one member may use it.
    public let perMemberLimit: Int64

    /// Describes a coupon; validated by `Coupon.decide`.
    public init(
        code: CouponCode, discount: CouponDiscount, minimumSpend: Money, validFrom: Timestamp, validUntil: Timestamp,
        scope: CouponScope = .everything, usageLimit: Int64, perMemberLimit: Int64 = 1
    ) {
        self.code = code
        self.discount = discount
        self.minimumSpend = minimumSpend
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.scope = scope
        self.usageLimit = usageLimit
        self.perMemberLimit = perMemberLimit
    }

    /// The coupon's currency.
    public var currency: Currency { minimumSpend.currency }

    func validate() throws(Refusal) {
        try Validation.amount(minimumSpend, "minimum spend", allowZero: true)
        switch discount {
        case .fixed(let amount):
            try Validation.amount(amount, "discount")
            try Validation.sameCurrency(amount, currency)
        case .percentage(let basisPoints):
            guard basisPoints > 0, basisPoints <= 10_000 else { throw .validation("basis points must be in 1...10000") }
        }
        guard validFrom < validUntil else { throw .validation("validity window is empty") }
        guard usageLimit > 0, usageLimit <= Limits.couponUsageLimitMax else {
            throw .validation("usage limit must be in 1...\(Limits.couponUsageLimitMax)")
        }
        guard perMemberLimit > 0, perMemberLimit <= usageLimit else {
            throw .validation("per-member limit must be in 1...usage limit")
        }
        switch scope {
        case .everything:
            break
        case .skus(let skus):
            guard !skus.isEmpty, skus.count <= Limits.couponScopeCountMax else {
                throw .validation("bad SKU scope size")
            }
        case .categories(let paths):
            guard !paths.isEmpty, paths.count <= Limits.couponScopeCountMax else {
                throw .validation("bad category scope size")
            }
            guard paths.allSatisfy({ !$0.isEmpty && $0.count <= Limits.categoryDepthMax }) else {
                throw .validation("category scope paths must have 1...\(Limits.categoryDepthMax) levels")
            }
        }
    }
}
