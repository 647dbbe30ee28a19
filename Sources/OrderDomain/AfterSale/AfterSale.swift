/// The after-sale decider: returns, exchanges and claims from request to close.
public enum AfterSale {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: AfterSaleCommand, _ state: AfterSaleState) throws(Refusal) -> [AfterSaleEvent]
    {
        switch command {
        case .request(let order, let member, let kind, let lines, let reason, let at):
            guard state.status == .none else { throw Refusal(.alreadyExists, "after-sale case exists") }
            try LineQuantity.validate(lines)
            try Validation.text(reason, "reason")
            if case .exchange(let replacements) = kind { try LineQuantity.validate(replacements) }
            return [.requested(order: order, member: member, kind: kind, lines: lines, reason: reason, at: at)]
        case .approve(let at):
            try require(state, in: [.requested], "approve")
            return [.approved(at: at)]
        case .decline(let reason, let at):
            try require(state, in: [.requested], "decline")
            try Validation.text(reason, "reason")
            return [.declined(reason: reason, at: at)]
        case .receiveGoods(let warehouse, let good, let damaged, let at):
            try require(state, in: [.approved], "receiveGoods")
            try checkReceived(good: good, damaged: damaged, state)
            return [.goodsReceived(warehouse: warehouse, good: good, damaged: damaged, at: at)]
        case .refund(let payment, let amount, let at):
            try require(state, in: settleable(state), "refund")
            try Validation.amount(amount, "amount")
            return [.refunded(payment: payment, amount: amount, at: at)]
        case .arrangeReplacement(let shipment, let priceDifference, let at):
            return try decideReplacement(shipment, priceDifference, at, state)
        case .recordReplacementCancelled(let shipment, let at):
            try require(state, in: [.awaitingDifference, .resolved], "recordReplacementCancelled")
            guard state.replacementShipment == shipment else {
                throw Refusal(.notFound, "shipment \(shipment) is not the case's replacement")
            }
            return [.replacementCancelled(shipment: shipment, at: at)]
        case .recordDifferencePaid(let at):
            try require(state, in: [.awaitingDifference], "recordDifferencePaid")
            guard let owed = state.priceDifference else { throw Refusal(.notFound, "no price difference is owed") }
            return [.differencePaid(amount: owed, at: at)]
        case .close(let at):
            try require(state, in: [.requested, .approved, .declined, .resolved], "close")
            return [.closed(at: at)]
        }
    }

    /// A replacement settles the case at once, unless the buyer owes a price difference not yet
    /// paid; a re-arranged replacement keeps the difference first quoted.
    static func decideReplacement(
        _ shipment: ShipmentID, _ priceDifference: Money, _ at: Timestamp, _ state: AfterSaleState
    ) throws(Refusal) -> [AfterSaleEvent] {
        try require(state, in: settleable(state), "arrangeReplacement")
        if case .return = state.kind { throw .invalidTransition("replacement for a return", from: "return") }
        guard priceDifference.minorUnits.magnitude <= UInt64(Limits.amountMinorUnitsMax) else {
            throw .validation("price difference is out of range")
        }
        if let quoted = state.priceDifference, quoted != priceDifference {
            throw .validation("the price difference was quoted at \(quoted.minorUnits)")
        }
        let arranged = AfterSaleEvent.replacementArranged(shipment: shipment, priceDifference: priceDifference, at: at)
        guard priceDifference.minorUnits > 0, !state.differenceSettled else { return [arranged] }
        return [arranged, .differenceOwed(amount: priceDifference, at: at)]
    }

    /// Claims may settle without goods coming back; returns and exchanges settle on receipt.
    static func settleable(_ state: AfterSaleState) -> [AfterSaleStatus] {
        if case .claim = state.kind { return [.approved, .goodsReceived] }
        return [.goodsReceived]
    }

    static func require(_ state: AfterSaleState, in allowed: [AfterSaleStatus], _ command: StaticString) throws(Refusal)
    {
        guard state.status != .none else { throw Refusal(.notFound, "after-sale case was never opened") }
        guard allowed.contains(state.status) else { throw .invalidTransition(command, from: state.status) }
    }

    static func checkReceived(good: [LineQuantity], damaged: [LineQuantity], _ state: AfterSaleState) throws(Refusal) {
        guard !good.isEmpty || !damaged.isEmpty else { throw .validation("no units received") }
        if !good.isEmpty { try LineQuantity.validate(good) }
        if !damaged.isEmpty { try LineQuantity.validate(damaged) }
        for line in good + damaged {
            let requested = state.lines.first { $0.sku == line.sku }?.quantity ?? 0
            let received =
                (good.first { $0.sku == line.sku }?.quantity ?? 0)
                + (damaged.first { $0.sku == line.sku }?.quantity ?? 0)
            guard received <= requested else {
                throw Refusal(
                    .returnExceedsDelivered, "\(received) units of \(line.sku) received, \(requested) requested")
            }
        }
    }
}
