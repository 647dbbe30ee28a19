/// What a buyer asks for after delivery.
public enum AfterSaleKind: Sendable, Hashable, Codable {
    /// Send units back for a refund.
    case `return`
    /// Send units back for other units; `replacements` are what the buyer gets instead.
    case exchange(replacements: [LineQuantity])
    /// Report units missing, wrong or damaged.
    case claim(ClaimType)
}

/// What went wrong with delivered units.
public enum ClaimType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Units never arrived.
    case missing
    /// Different units arrived.
    case wrong
    /// Units arrived damaged.
    case damaged
}

/// What can be asked of one after-sale case.
public enum AfterSaleCommand: Sendable, Hashable, Codable {
    /// Open a return, exchange or claim for delivered units.
    case request(
        order: OrderID, member: MemberID, kind: AfterSaleKind, lines: [LineQuantity], reason: String, at: Timestamp)
    /// Accept the case.
    case approve(at: Timestamp)
    /// Refuse the case.
    case decline(reason: String, at: Timestamp)
    /// Book units that came back into a warehouse, good and damaged.
    case receiveGoods(warehouse: WarehouseID, good: [LineQuantity], damaged: [LineQuantity], at: Timestamp)
    /// Settle the case with money back.
    case refund(payment: PaymentID, amount: Money, at: Timestamp)
    /// Settle the case with a replacement parcel; a positive difference is owed by the buyer,
    /// a negative one is refunded.
    case arrangeReplacement(shipment: ShipmentID, priceDifference: Money, at: Timestamp)
    /// Reopen the case because its replacement parcel was cancelled before it left.
    case recordReplacementCancelled(shipment: ShipmentID, at: Timestamp)
    /// Record that the buyer's payments covered the price difference owed.
    case recordDifferencePaid(at: Timestamp)
    /// Close the case.
    case close(at: Timestamp)
}

/// What happened to one after-sale case; a storage format whose meaning never changes.
public enum AfterSaleEvent: Sendable, Hashable, Codable {
    /// The case was opened.
    case requested(
        order: OrderID, member: MemberID, kind: AfterSaleKind, lines: [LineQuantity], reason: String, at: Timestamp)
    /// The case was accepted.
    case approved(at: Timestamp)
    /// The case was refused.
    case declined(reason: String, at: Timestamp)
    /// Units came back into a warehouse.
    case goodsReceived(warehouse: WarehouseID, good: [LineQuantity], damaged: [LineQuantity], at: Timestamp)
    /// Money went back to the buyer.
    case refunded(payment: PaymentID, amount: Money, at: Timestamp)
    /// A replacement parcel was arranged.
    case replacementArranged(shipment: ShipmentID, priceDifference: Money, at: Timestamp)
    /// The case was closed.
    case closed(at: Timestamp)
    /// The replacement parcel was cancelled before it left; the case waits to be settled again.
    case replacementCancelled(shipment: ShipmentID, at: Timestamp)
    /// The buyer owes a positive price difference before the replacement may leave.
    case differenceOwed(amount: Money, at: Timestamp)
    /// The buyer's payments covered the price difference.
    case differencePaid(amount: Money, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .requested: 601
        case .approved: 602
        case .declined: 603
        case .goodsReceived: 604
        case .refunded: 605
        case .replacementArranged: 606
        case .closed: 607
        case .replacementCancelled: 608
        case .differenceOwed: 609
        case .differencePaid: 610
        }
    }
}
