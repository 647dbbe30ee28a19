import OrderDomain
@testable import OrderEngine
import Testing

@Suite("Sales fold")
struct SalesFoldTests {
    static func placement(lines: [(SKUID, Int64, Int64)], totalDue: Int64) -> OrderPlacement {
        let address = PostalAddress(
            recipient: "Member", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000")
        let lines = lines.map { OrderLine(sku: $0.0, quantity: $0.1, unitPrice: Money(minorUnits: $0.2, currency: .cny)) }
        let subtotal = lines.reduce(0) { $0 + $1.unitPrice.minorUnits * $1.quantity }
        return OrderPlacement(
            order: "o1", member: "m1", lines: lines, shippingAddress: address, coupon: nil,
            subtotal: Money(minorUnits: subtotal, currency: .cny), couponDiscount: Money(minorUnits: 0, currency: .cny),
            pointsRedeemed: 0, pointsDiscount: Money(minorUnits: subtotal - totalDue, currency: .cny),
            totalDue: Money(minorUnits: totalDue, currency: .cny), allocations: [], placedAt: Timestamp(microsecondsSince1970: 0),
            paymentDueAt: Timestamp(microsecondsSince1970: 1))
    }

    @Test
    func sharesADiscountedTotalAcrossLinesByValueToTheMinorUnit() {
        let three = Self.placement(lines: [("a", 1, 100), ("b", 1, 100), ("c", 1, 100)], totalDue: 200)
        #expect(SalesFold.revenueShares(of: three) == [67, 67, 66])
        let uneven = Self.placement(lines: [("a", 3, 1_000), ("b", 1, 2_000)], totalDue: 4_000)
        #expect(SalesFold.revenueShares(of: uneven) == [2_400, 1_600])
        let free = Self.placement(lines: [("a", 2, 0), ("b", 1, 0)], totalDue: 0)
        #expect(SalesFold.revenueShares(of: free) == [0, 0])
        let huge = Self.placement(lines: [("a", 1_000_000_000, 999_999_999), ("b", 1, 7)], totalDue: 999_999_999_000_000_000)
        #expect(SalesFold.revenueShares(of: huge).reduce(0, +) == 999_999_999_000_000_000)
    }

    @Test
    func countsRevenueAtCaptureRefundsAtRefundAndUnitsWhenPaid() throws {
        let placement = Self.placement(lines: [("a", 2, 500), ("b", 1, 1_000)], totalDue: 2_000)
        let dayOne = Timestamp(microsecondsSince1970: 0)
        let dayTwo = Timestamp(microsecondsSince1970: SalesDay.microsecondsPerDay)
        var fold = SalesFold()
        let events: [DomainEvent] = [
            .order("o1", .placed(placement)),
            .order("o1", .paymentRecorded(payment: "p1", amount: Money(minorUnits: 2_000, currency: .cny), at: dayOne)),
            .order("o1", .paid(at: dayOne)),
            .payment("p1", .captured(amount: Money(minorUnits: 2_000, currency: .cny), at: dayOne)),
            .order("o1", .refundRecorded(payment: "p1", amount: Money(minorUnits: 300, currency: .cny), pointsReversed: 0, at: dayTwo)),
        ]
        for event in events { fold.apply(event) { _ in placement } }
        let one = SalesDay(containing: dayOne)
        let two = SalesDay(containing: dayTwo)
        #expect(fold.days[SalesKey(day: one, currency: .cny)] == SalesCounts(revenueMinorUnits: 2_000, orders: 1, units: 3))
        #expect(fold.days[SalesKey(day: two, currency: .cny)] == SalesCounts(refundedMinorUnits: 300))
        #expect(fold.skus[SalesKey(day: one, currency: .cny, sku: "a")] == SalesCounts(revenueMinorUnits: 1_000, orders: 1, units: 2))
        #expect(fold.skus[SalesKey(day: one, currency: .cny, sku: "b")] == SalesCounts(revenueMinorUnits: 1_000, orders: 1, units: 1))
        #expect(fold.skus.count == 2)
    }
}
