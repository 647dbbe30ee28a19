/// Order transitions that touch other aggregates: cancellation and expiry give back stock,
/// the coupon use and spent points; completion awards points.
public enum OrderFlow {
    /// Cancels an order before shipment and releases everything it held.
    public static func cancel(
        _ id: OrderID, reason: String, at: Timestamp, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let state = states.order(id)
        let events = try Order.decide(.cancel(reason: reason, at: at), state, policy)
        return events.map { .order(id, $0) } + (try releaseHolds(state, .cancelled, at, states))
    }

    /// Expires an order left unpaid past its deadline and releases everything it held.
    public static func expire(
        _ id: OrderID, at: Timestamp, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let state = states.order(id)
        let events = try Order.decide(.expire(at: at), state, policy)
        return events.map { .order(id, $0) } + (try releaseHolds(state, .expired, at, states))
    }

    /// Completes a delivered order and credits the points it earned.
    public static func complete(
        _ id: OrderID, at: Timestamp, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let state = states.order(id)
        let events = try Order.decide(.complete(at: at), state, policy)
        var result = events.map { DomainEvent.order(id, $0) }
        for case .completed(let points, _) in events where points > 0 {
            guard let member = state.placement?.member else { continue }
            let earned = try Member.decide(.earnPoints(order: id, points: points, at: at), states.member(member))
            result.append(contentsOf: earned.map { .member(member, $0) })
        }
        return result
    }

    /// Credits the member with the points charges paid after completion earned.
    static func creditChargePoints(
        _ events: [OrderEvent], _ orderID: OrderID, _ states: some DomainStateReading
    ) throws(Refusal) -> [DomainEvent] {
        guard let member = states.order(orderID).placement?.member else { return [] }
        var result: [DomainEvent] = []
        for case .chargePointsEarned(_, let points, let at) in events {
            let earned = try Member.decide(.earnPoints(order: orderID, points: points, at: at), states.member(member))
            result += earned.map { .member(member, $0) }
        }
        return result
    }

    static func releaseHolds(
        _ state: OrderState, _ reason: ReleaseReason, _ at: Timestamp, _ states: some DomainStateReading
    ) throws(Refusal) -> [DomainEvent] {
        guard let placement = state.placement else { return [] }
        var events: [DomainEvent] = []
        for allocation in placement.allocations {
            let item = states.stock(allocation.item)
            guard item.reservations[placement.order] != nil else { continue }
            let released = try Stock.decide(.release(order: placement.order, reason: reason, at: at), item)
            events.append(contentsOf: released.map { .stock(allocation.item, $0) })
        }
        if let code = placement.coupon, states.coupon(code).redemptions[placement.order] != nil {
            let released = try Coupon.decide(.release(order: placement.order, at: at), states.coupon(code))
            events.append(contentsOf: released.map { .coupon(code, $0) })
        }
        if placement.pointsRedeemed > 0 {
            let restore = MemberCommand.restorePoints(order: placement.order, points: placement.pointsRedeemed, at: at)
            events.append(
                contentsOf: try Member.decide(restore, states.member(placement.member)).map {
                    .member(placement.member, $0)
                })
        }
        return events
    }
}
