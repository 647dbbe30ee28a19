import OrderDomain
import Testing

@Suite struct CouponTests {
    let defined: [CouponEvent] = [.defined(tenOff(), at: at(0))]

    func decide(_ command: CouponCommand, _ events: [CouponEvent]) throws(Refusal) -> [CouponEvent] {
        try Coupon.decide(command, coupon(events))
    }

    @Test func definesOnceWithSaneTerms() throws {
        #expect(try decide(.define(tenOff(), at: at(0)), []) == defined)
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(.define(tenOff(), at: at(0)), defined) }
        let bad = [
            CouponDefinition(
                code: "X", discount: .percentage(basisPoints: 0), minimumSpend: cny(0), validFrom: at(0),
                validUntil: at(1), usageLimit: 1),
            CouponDefinition(
                code: "X", discount: .percentage(basisPoints: 10_001), minimumSpend: cny(0), validFrom: at(0),
                validUntil: at(1), usageLimit: 1),
            CouponDefinition(
                code: "X", discount: .fixed(cny(1)), minimumSpend: cny(0), validFrom: at(1), validUntil: at(1),
                usageLimit: 1),
            CouponDefinition(
                code: "X", discount: .fixed(cny(1)), minimumSpend: cny(0), validFrom: at(0), validUntil: at(1),
                usageLimit: 0),
            CouponDefinition(
                code: "X", discount: .fixed(cny(1)), minimumSpend: cny(0), validFrom: at(0), validUntil: at(1),
                usageLimit: 1, perMemberLimit: 2),
            CouponDefinition(
                code: "X", discount: .fixed(cny(1)), minimumSpend: cny(0), validFrom: at(0), validUntil: at(1),
                scope: .skus([]), usageLimit: 1),
        ]
        for definition in bad {
            expectRefusal(.validationFailed) { () throws(Refusal) in try decide(.define(definition, at: at(0)), []) }
        }
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(
                .define(
                    CouponDefinition(
                        code: "X", discount: .fixed(usd(1)), minimumSpend: cny(0), validFrom: at(0), validUntil: at(1),
                        usageLimit: 1), at: at(0)), [])
        }
    }

    @Test func redeemsWithinTheWindowOnly() throws {
        #expect(
            try decide(.redeem(order: "o1", member: "m1", at: at(5)), defined) == [
                .redeemed(order: "o1", member: "m1", at: at(5))
            ])
        expectRefusal(.couponNotApplicable) { () throws(Refusal) in
            try decide(.redeem(order: "o1", member: "m1", at: at(1_000)), defined)
        }
        expectRefusal(.couponNotApplicable) { () throws(Refusal) in
            try decide(.redeem(order: "o1", member: "m1", at: at(5)), [])
        }
        let disabled = defined + (try decide(.disable(at: at(6)), defined))
        expectRefusal(.couponNotApplicable) { () throws(Refusal) in
            try decide(.redeem(order: "o1", member: "m1", at: at(7)), disabled)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.disable(at: at(7)), disabled) }
    }

    @Test func neverExceedsItsUsageLimits() throws {
        let first = defined + (try decide(.redeem(order: "o1", member: "m1", at: at(5)), defined))
        expectRefusal(.couponMemberLimitReached) { () throws(Refusal) in
            try decide(.redeem(order: "o2", member: "m1", at: at(6)), first)
        }
        let second = first + (try decide(.redeem(order: "o2", member: "m2", at: at(6)), first))
        expectRefusal(.couponExhausted) { () throws(Refusal) in
            try decide(.redeem(order: "o3", member: "m3", at: at(7)), second)
        }
        let released = second + (try decide(.release(order: "o1", at: at(8)), second))
        #expect(coupon(released).used == 1)
        #expect(coupon(released).usesByMember["m1"] == nil)
        #expect(try decide(.redeem(order: "o3", member: "m1", at: at(9)), released).count == 1)
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.release(order: "o1", at: at(9)), released) }
    }

    @Test func refusesRedeemingTwiceForOneOrder() throws {
        let state = [
            CouponEvent.defined(tenOff(perMember: 2), at: at(0)), .redeemed(order: "o1", member: "m1", at: at(1)),
        ]
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try decide(.redeem(order: "o1", member: "m1", at: at(2)), state)
        }
    }

    @Test func discountsRespectScopeAndMinimumSpend() throws {
        let shirtLine = CouponLine(
            line: OrderLine(sku: "shirt", quantity: 1, unitPrice: cny(9_900)), categoryPath: ["apparel", "shirts"])
        let hatLine = CouponLine(
            line: OrderLine(sku: "hat", quantity: 1, unitPrice: cny(4_000)), categoryPath: ["accessories"])
        #expect(try Coupon.discount(tenOff(), for: [shirtLine, hatLine]) == cny(1_000))
        expectRefusal(.couponNotApplicable) { () throws(Refusal) in try Coupon.discount(tenOff(), for: [hatLine]) }
        expectRefusal(.couponNotApplicable) { () throws(Refusal) in
            try Coupon.discount(tenOff(scope: .skus(["shoe"])), for: [shirtLine])
        }
        #expect(
            try Coupon.discount(tenOff(scope: .categories([["apparel"]])), for: [shirtLine, hatLine]) == cny(1_000))
        let percent = CouponDefinition(
            code: "P", discount: .percentage(basisPoints: 1_500), minimumSpend: cny(0), validFrom: at(0),
            validUntil: at(9),
            scope: .categories([["accessories"]]), usageLimit: 1)
        #expect(try Coupon.discount(percent, for: [shirtLine, hatLine]) == cny(600))
        let huge = CouponDefinition(
            code: "H", discount: .fixed(cny(1_000_000)), minimumSpend: cny(0), validFrom: at(0), validUntil: at(9),
            usageLimit: 1)
        #expect(try Coupon.discount(huge, for: [hatLine]) == cny(4_000))
    }
}
