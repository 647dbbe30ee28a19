import Hummingbird
import OrderEngine

extension CommandRoute {
    static let coupons: [CommandRoute] = [
        CommandRoute("coupons.define", .post, "/v1/coupons", .staff(.admin)) { input throws(Problem) in
            let body = try input.body(DefineCouponBody.self)
            return .defineCoupon(try body.definition(), at: input.now)
        },
        CommandRoute("coupons.disable", .post, "/v1/coupons/{code}/disable", .staff(.admin)) { input throws(Problem) in
            .disableCoupon(try input.id("code"), at: input.now)
        },
    ]
}

struct DefineCouponBody: Decodable {
    struct Discount: Decodable {
        /// `fixed` (takes `amount`) or `percentage` (takes `basisPoints`).
        enum Kind: String, Decodable { case fixed, percentage }
        let kind: Kind
        let amount: Money?
        let basisPoints: Int64?
    }

    struct Scope: Decodable {
        /// `everything`, `skus` (takes `skus`) or `categories` (takes `categories`).
        enum Kind: String, Decodable { case everything, skus, categories }
        let kind: Kind
        let skus: [SKUID]?
        let categories: [[String]]?
    }

    let code: CouponCode
    let discount: Discount
    let minimumSpend: Money
    let validFrom: WireTimestamp
    let validUntil: WireTimestamp
    let scope: Scope?
    let usageLimit: Int64
    let perMemberLimit: Int64?

    func definition() throws(Problem) -> CouponDefinition {
        let couponDiscount: CouponDiscount
        switch discount.kind {
        case .fixed:
            guard let amount = discount.amount else { throw .invalid("discount.amount", "is required for a fixed discount") }
            couponDiscount = .fixed(amount)
        case .percentage:
            guard let basisPoints = discount.basisPoints else {
                throw .invalid("discount.basisPoints", "is required for a percentage discount")
            }
            couponDiscount = .percentage(basisPoints: basisPoints)
        }
        let couponScope: CouponScope
        switch scope?.kind ?? .everything {
        case .everything:
            couponScope = .everything
        case .skus:
            guard let skus = scope?.skus else { throw .invalid("scope.skus", "is required for a SKU scope") }
            couponScope = .skus(skus)
        case .categories:
            guard let categories = scope?.categories else {
                throw .invalid("scope.categories", "is required for a category scope")
            }
            couponScope = .categories(categories)
        }
        return CouponDefinition(
            code: code, discount: couponDiscount, minimumSpend: minimumSpend, validFrom: validFrom.value,
            validUntil: validUntil.value, scope: couponScope, usageLimit: usageLimit, perMemberLimit: perMemberLimit ?? 1)
    }
}
