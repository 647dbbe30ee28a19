extension AfterSale {
    /// Folds one event into the state.
    public static func evolve(_ state: AfterSaleState, _ event: AfterSaleEvent) -> AfterSaleState {
        var next = state
        switch event {
        case .requested(let order, let member, let kind, let lines, _, _):
            next.status = .requested
            next.order = order
            next.member = member
            next.kind = kind
            next.lines = lines
        case .approved:
            next.status = .approved
        case .declined:
            next.status = .declined
        case .goodsReceived:
            next.status = .goodsReceived
            next.goodsReceived = true
        case .refunded(_, let amount, _):
            next.status = .resolved
            next.refundedMinorUnits += amount.minorUnits
        case .replacementArranged(let shipment, let priceDifference, _):
            next.status = .resolved
            next.replacementShipment = shipment
            next.priceDifference = priceDifference
            if priceDifference.minorUnits <= 0 { next.differenceSettled = true }
        case .closed:
            next.status = .closed
        case .replacementCancelled:
            next.status = next.goodsReceived ? .goodsReceived : .approved
            next.replacementShipment = nil
        case .differenceOwed:
            next.status = .awaitingDifference
        case .differencePaid:
            next.status = .resolved
            next.differenceSettled = true
        }
        return next
    }
}
