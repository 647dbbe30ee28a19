extension Order {
    static func decidePayment(
        _ payment: PaymentID, _ amount: Money, _ at: Timestamp, _ state: OrderState, _ placement: OrderPlacement,
        _ policy: DomainPolicy
    ) throws(Refusal) -> [OrderEvent] {
        try Validation.amount(amount, "amount")
        try Validation.sameCurrency(amount, placement.currency)
        guard state.payments.contains(payment) || state.payments.count < Limits.paymentsPerOrderMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.paymentsPerOrderMax) payments per order")
        }
        let paid = try Validation.add(state.paidMinorUnits, amount.minorUnits, "paid amount")
        try requireCapturable(payment, amount, paid, state, at)
        let recorded = OrderEvent.paymentRecorded(payment: payment, amount: amount, at: at)
        if state.status == .awaitingPayment && paid >= placement.totalDue.minorUnits {
            return [recorded, .paid(at: at)]
        }
        guard state.owesCharge else { return [recorded] }
        return [recorded] + (try chargePoints(chargesCovered(evolve(state, recorded), at), state, placement, policy))
    }

    static func decideCharge(
        _ afterSale: AfterSaleID, _ amount: Money, _ at: Timestamp, _ state: OrderState, _ placement: OrderPlacement,
        _ policy: DomainPolicy
    ) throws(Refusal) -> [OrderEvent] {
        try Validation.amount(amount, "charge")
        try Validation.sameCurrency(amount, placement.currency)
        guard state.returns[afterSale] != nil else { throw Refusal(.notFound, "no return \(afterSale) on the order") }
        guard !state.charges.contains(where: { $0.afterSale == afterSale }) else {
            throw Refusal(.alreadyExists, "\(afterSale) is already charged")
        }
        guard state.charges.count < Limits.chargesPerOrderMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.chargesPerOrderMax) charges per order")
        }
        _ = try Validation.add(state.amountDueMinorUnits, amount.minorUnits, "amount due")
        let added = OrderEvent.chargeAdded(afterSale: afterSale, amount: amount, at: at)
        let next = evolve(state, added)
        return [added] + (try chargePoints(chargesCovered(next, at), next, placement, policy))
    }

    /// Captures beyond the total and the paid charges settle unpaid charges, oldest first,
    /// each only once they cover it whole.
    static func chargesCovered(_ state: OrderState, _ at: Timestamp) -> [OrderEvent] {
        settleCharges(state, at).covered
    }

    /// The charges captures settle, and what captures leave over once they are settled.
    static func settleCharges(_ state: OrderState, _ at: Timestamp) -> (
        covered: [OrderEvent], leftoverMinorUnits: Int64
    ) {
        guard let placement = state.placement else { return ([], 0) }
        var unallocated = state.paidMinorUnits - placement.totalDue.minorUnits
        for charge in state.charges where charge.paid { unallocated -= charge.amountMinorUnits }
        var covered: [OrderEvent] = []
        for charge in state.charges where !charge.paid && charge.amountMinorUnits <= unallocated {
            unallocated -= charge.amountMinorUnits
            covered.append(.chargePaid(afterSale: charge.afterSale, at: at))
        }
        return (covered, unallocated)
    }

    /// A charge paid after completion earns points at the rate completion paid, since
    /// completion could not count it; one paid before completion counts there instead.
    static func chargePoints(
        _ covered: [OrderEvent], _ state: OrderState, _ placement: OrderPlacement, _ policy: DomainPolicy
    ) throws(Refusal) -> [OrderEvent] {
        guard state.status == .completed else { return covered }
        var events: [OrderEvent] = []
        for event in covered {
            events.append(event)
            guard case .chargePaid(let afterSale, let at) = event,
                let charge = state.charges.first(where: { $0.afterSale == afterSale })
            else { continue }
            let units = charge.amountMinorUnits / placement.currency.minorUnitsPerMajorUnit
            let points = try Validation.multiply(units, policy.pointsPerCurrencyUnitEarned, "points earned")
            if points > 0 { events.append(.chargePointsEarned(afterSale: afterSale, points: points, at: at)) }
        }
        return events
    }

    static func decideRefund(
        _ payment: PaymentID, _ amount: Money, _ at: Timestamp, _ state: OrderState, _ placement: OrderPlacement
    ) throws(Refusal) -> OrderEvent {
        try Validation.amount(amount, "amount")
        try Validation.sameCurrency(amount, placement.currency)
        guard state.payments.contains(payment) else { throw Refusal(.notFound, "payment \(payment) paid nothing here") }
        guard amount.minorUnits <= state.refundableMinorUnits else {
            throw Refusal(
                .amountExceedsRefundable, "\(state.refundableMinorUnits) refundable, \(amount.minorUnits) asked")
        }
        let reversed = pointsToReverse(state, refunding: amount.minorUnits)
        return .refundRecorded(payment: payment, amount: amount, pointsReversed: reversed, at: at)
    }

    /// Earned points in proportion to what is refunded after completion, never more than earned.
    static func pointsToReverse(_ state: OrderState, refunding amount: Int64) -> Int64 {
        guard state.status == .completed, state.pointsEarned > 0 else { return 0 }
        let base = state.paidMinorUnits - state.refundedAtCompletionMinorUnits
        guard base > 0 else { return 0 }
        let refundedSince = state.refundedMinorUnits + amount - state.refundedAtCompletionMinorUnits
        let target = Int64(Int128(state.pointsEarned) * Int128(min(refundedSince, base)) / Int128(base))
        return max(0, target - state.pointsReversed)
    }

    static func pointsEarned(
        _ state: OrderState, _ placement: OrderPlacement, _ policy: DomainPolicy
    ) throws(Refusal) -> Int64 {
        let net = max(0, state.refundableMinorUnits)
        let units = net / placement.currency.minorUnitsPerMajorUnit
        return try Validation.multiply(units, policy.pointsPerCurrencyUnitEarned, "points earned")
    }
}
