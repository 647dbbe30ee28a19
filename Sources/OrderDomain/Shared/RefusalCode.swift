/// The stable, machine-readable reason a decider refused a command.
///
/// Raw values are part of the public contract (HTTP bodies, logs, stored outcomes of
/// idempotent commands): they never change once released.
public enum RefusalCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The command carries malformed input: a zero or negative quantity, an overflowing sum,
    /// an unknown currency, a bad id, too many lines.
    case validationFailed = "validation_failed"
    /// The aggregate (or the record the command creates) exists already.
    case alreadyExists = "already_exists"
    /// The aggregate or the record the command addresses does not exist.
    case notFound = "not_found"
    /// The command is not allowed in the aggregate's current state.
    case invalidTransition = "invalid_transition"
    /// An order line names a SKU that was never registered.
    case unknownSKU = "unknown_sku"
    /// An order line names a SKU that is not on sale.
    case skuDelisted = "sku_delisted"
    /// Not enough available stock and backorders are not allowed.
    case insufficientStock = "insufficient_stock"
    /// The coupon has reached its total usage limit.
    case couponExhausted = "coupon_exhausted"
    /// The member has used the coupon as often as it allows per member.
    case couponMemberLimitReached = "coupon_member_limit_reached"
    /// The coupon is unknown, disabled, outside its validity window, below its minimum
    /// spend or out of scope for every line.
    case couponNotApplicable = "coupon_not_applicable"
    /// The member does not have the points the command needs.
    case insufficientPoints = "insufficient_points"
    /// The member does not have the store credit the command needs.
    case insufficientStoreCredit = "insufficient_store_credit"
    /// An authorization or capture would take the order's payments past what it owes.
    case amountExceedsDue = "amount_exceeds_due"
    /// A capture would exceed what was authorized.
    case amountExceedsAuthorized = "amount_exceeds_authorized"
    /// A refund would exceed what was captured.
    case amountExceedsCaptured = "amount_exceeds_captured"
    /// A refund would exceed what is still refundable on the order.
    case amountExceedsRefundable = "amount_exceeds_refundable"
    /// A return or claim would cover more units than were delivered and not yet returned.
    case returnExceedsDelivered = "return_exceeds_delivered"
    /// Two amounts in different currencies were combined.
    case currencyMismatch = "currency_mismatch"
    /// A named capacity limit (lines, addresses, reservations, ...) would be exceeded.
    case limitExceeded = "limit_exceeded"
    /// Staff hold the order, so it cannot move on until they release it.
    case orderOnHold = "order_on_hold"
    /// The unpaid order's payment window has not closed yet.
    case notYetExpired = "not_yet_expired"
    /// A shipment cannot leave the warehouse without a carrier and tracking number.
    case trackingRequired = "tracking_required"
    /// A replacement cannot leave the warehouse before the buyer pays the exchange's price
    /// difference.
    case priceDifferenceUnpaid = "price_difference_unpaid"
    /// A capture on a paid order would cover an after-sale charge only in part.
    case chargePartlyPaid = "charge_partly_paid"
}
