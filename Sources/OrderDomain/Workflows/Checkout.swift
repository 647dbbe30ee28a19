/// Placing an order: prices the lines, applies coupon and points, reserves stock across
/// warehouses and returns every event for every stream touched, or one refusal.
public enum Checkout {
    /// Decides a placement all-or-nothing.
    public static func decide(
        _ command: PlaceOrder, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        try LineQuantity.validate(command.lines)
        guard command.pointsToRedeem >= 0, command.pointsToRedeem <= Limits.amountMinorUnitsMax else {
            throw .validation("points to redeem must be in 0...\(Limits.amountMinorUnitsMax)")
        }
        let orderState = states.order(command.order)
        guard orderState.status == .none else { throw Refusal(.alreadyExists, "order \(command.order) exists") }
        let memberState = states.member(command.member)
        guard memberState.status == .active else {
            throw Refusal(.notFound, "member \(command.member) is not registered")
        }

        let priced = try price(command.lines, states)
        let subtotal = try sum(priced.lines)
        let couponDiscount = try discount(command, priced, states)
        let pointsDiscountMinor = min(
            command.pointsToRedeem / policy.pointsRedemptionRate, subtotal.minorUnits - couponDiscount.minorUnits)
        let pointsRedeemed = pointsDiscountMinor * policy.pointsRedemptionRate
        let total = subtotal.minorUnits - couponDiscount.minorUnits - pointsDiscountMinor
        let dueAt = try command.at.adding(microseconds: policy.paymentTimeoutMicroseconds)
        let allocations = try allocate(priced.lines, priced.backorderAllowed, states)
        let placement = OrderPlacement(
            order: command.order, member: command.member, lines: priced.lines, shippingAddress: command.shippingAddress,
            coupon: command.coupon, subtotal: subtotal, couponDiscount: couponDiscount, pointsRedeemed: pointsRedeemed,
            pointsDiscount: Money(minorUnits: pointsDiscountMinor, currency: subtotal.currency),
            totalDue: Money(minorUnits: total, currency: subtotal.currency), allocations: allocations,
            placedAt: command.at, paymentDueAt: dueAt)
        return try events(for: placement, priced.backorderAllowed, memberState, states, policy)
    }

    static func events(
        for placement: OrderPlacement, _ backorderAllowed: [Bool], _ memberState: MemberState,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let orderEvents = try Order.decide(.place(placement), .initial, policy)
        var events = orderEvents.map { DomainEvent.order(placement.order, $0) }
        events.reserveCapacity(placement.allocations.count * 2 + 4)
        let paid = orderEvents.count > 1
        for allocation in placement.allocations {
            let lineIndex = placement.lines.firstIndex { $0.sku == allocation.item.sku } ?? 0
            let item = states.stock(allocation.item)
            let reserve = StockCommand.reserve(
                order: placement.order, quantity: allocation.quantity, expiresAt: placement.paymentDueAt,
                backorderAllowed: backorderAllowed[lineIndex], at: placement.placedAt)
            for event in try Stock.decide(reserve, item) {
                events.append(.stock(allocation.item, event))
                guard paid else { continue }
                let committed = try Stock.decide(
                    .commit(order: placement.order, at: placement.placedAt), Stock.evolve(item, event))
                events.append(contentsOf: committed.map { .stock(allocation.item, $0) })
            }
        }
        if let code = placement.coupon {
            let redeem = CouponCommand.redeem(order: placement.order, member: placement.member, at: placement.placedAt)
            events.append(contentsOf: try Coupon.decide(redeem, states.coupon(code)).map { .coupon(code, $0) })
        }
        if placement.pointsRedeemed > 0 {
            let redeem = MemberCommand.redeemPoints(
                order: placement.order, points: placement.pointsRedeemed, at: placement.placedAt)
            events.append(contentsOf: try Member.decide(redeem, memberState).map { .member(placement.member, $0) })
        }
        return events
    }
}
