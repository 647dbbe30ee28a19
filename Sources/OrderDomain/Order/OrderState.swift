/// Where an order stands in its life.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not placed yet.
    case none
    /// Placed, stock reserved, waiting for money.
    case awaitingPayment = "awaiting_payment"
    /// Captures cover the total; stock is committed.
    case paid
    /// Some units have left the warehouse.
    case partiallyShipped = "partially_shipped"
    /// Every unit has left the warehouse.
    case shipped
    /// Every unit has arrived.
    case delivered
    /// Closed after delivery; points were earned.
    case completed
    /// Cancelled before shipment.
    case cancelled
    /// Not paid in time.
    case expired
}

/// Where one parcel of an order stands.
public enum OrderShipmentStatus: String, Sendable, Hashable, Codable {
    /// Units assigned, not yet left.
    case allocated
    /// On its way.
    case shipped
    /// Arrived.
    case delivered
}

/// One parcel as the order sees it.
public struct OrderShipment: Sendable, Hashable, Codable {
    /// The parcel's id.
    public let id: ShipmentID
    /// Units in it.
    public let lines: [LineQuantity]
    /// Where it stands.
    public internal(set) var status: OrderShipmentStatus
}

/// An after-sale price difference the buyer owes on top of the order's total.
public struct OrderCharge: Sendable, Hashable, Codable {
    /// The exchange it is for.
    public let afterSale: AfterSaleID
    /// What is owed, in minor units of the order's currency.
    public let amountMinorUnits: Int64
    /// Whether captures cover it.
    public internal(set) var paid: Bool
}

/// What one payment holds for the order: authorized, then captured or given up.
public struct OrderAuthorization: Sendable, Hashable, Codable {
    /// The payment.
    public let payment: PaymentID
    /// Authorized, in minor units.
    public let authorizedMinorUnits: Int64
    /// Captured so far, in minor units.
    public internal(set) var capturedMinorUnits: Int64
    /// Given up uncaptured (voided, failed or released), in minor units.
    public internal(set) var releasedMinorUnits: Int64

    /// Authorized and not given up: captured or still capturable.
    public var openMinorUnits: Int64 { authorizedMinorUnits - releasedMinorUnits }
    /// Still capturable.
    public var uncapturedMinorUnits: Int64 { openMinorUnits - capturedMinorUnits }
}

/// A replacement parcel that reached the buyer, whose units can go back in turn.
public struct OrderReplacement: Sendable, Hashable, Codable {
    /// The after-sale case it settled.
    public let afterSale: AfterSaleID
    /// The parcel.
    public let shipment: ShipmentID
    /// Units in it.
    public let lines: [LineQuantity]
}

/// The current state of one order, folded from its events.
public struct OrderState: Sendable, Hashable, Codable {
    /// Where the order stands.
    public internal(set) var status: OrderStatus
    /// Whether staff hold it.
    public internal(set) var onHold: Bool
    /// What was fixed at checkout; nil before placement.
    public internal(set) var placement: OrderPlacement?
    /// Payments that captured money for the order.
    public internal(set) var payments: [PaymentID]
    /// Every payment authorized for the order, oldest first.
    public internal(set) var authorizations: [OrderAuthorization]
    /// Money captured, in minor units.
    public internal(set) var paidMinorUnits: Int64
    /// Money refunded, in minor units.
    public internal(set) var refundedMinorUnits: Int64
    /// Parcels, in the order they were created.
    public internal(set) var shipments: [OrderShipment]
    /// Replacement parcels delivered, in the order they arrived.
    public internal(set) var replacements: [OrderReplacement]
    /// Units set aside per open or settled after-sale case.
    public internal(set) var returns: [AfterSaleID: [LineQuantity]]
    /// After-sale price differences owed on top of the total, in the order they arose.
    public internal(set) var charges: [OrderCharge]
    /// Points earned on completion.
    public internal(set) var pointsEarned: Int64
    /// Earned points taken back by refunds so far.
    public internal(set) var pointsReversed: Int64
    /// Money already refunded when the order completed; later refunds reverse points.
    public internal(set) var refundedAtCompletionMinorUnits: Int64

    /// The state before any event.
    public static let initial = OrderState(
        status: .none, onHold: false, placement: nil, payments: [], authorizations: [], paidMinorUnits: 0,
        refundedMinorUnits: 0,
        shipments: [], replacements: [], returns: [:], charges: [], pointsEarned: 0, pointsReversed: 0,
        refundedAtCompletionMinorUnits: 0)

    /// Money that can still be refunded.
    public var refundableMinorUnits: Int64 { paidMinorUnits - refundedMinorUnits }

    /// What the buyer must pay in all: the placement's total plus every charge.
    public var amountDueMinorUnits: Int64 {
        charges.reduce(placement?.totalDue.minorUnits ?? 0) { $0 + $1.amountMinorUnits }
    }

    /// What the order's payments hold open: authorized less what they gave up, captured
    /// money included; never above the amount due.
    public var openAuthorizedMinorUnits: Int64 { authorizations.reduce(0) { $0 + $1.openMinorUnits } }

    /// Whether the buyer owes a charge that captures do not cover yet.
    public var owesCharge: Bool { charges.contains { !$0.paid } }
}
