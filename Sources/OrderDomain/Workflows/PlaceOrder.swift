/// A buyer's request to place an order, before pricing and stock allocation.
public struct PlaceOrder: Sendable, Hashable, Codable {
    /// The new order's id, chosen by the caller so retries are idempotent.
    public let order: OrderID
    /// The buyer.
    public let member: MemberID
    /// What to buy, one line per SKU.
    public let lines: [LineQuantity]
    /// Where to ship.
    public let shippingAddress: PostalAddress
    /// A coupon code to redeem, if any.
    public let coupon: CouponCode?
    /// Points to spend; only whole multiples of the redemption rate are used.
    public let pointsToRedeem: Int64
    /// When the buyer placed it.
    public let at: Timestamp

    /// Creates the request.
    public init(
        order: OrderID, member: MemberID, lines: [LineQuantity], shippingAddress: PostalAddress,
        coupon: CouponCode? = nil, pointsToRedeem: Int64 = 0, at: Timestamp
    ) {
        self.order = order
        self.member = member
        self.lines = lines
        self.shippingAddress = shippingAddress
        self.coupon = coupon
        self.pointsToRedeem = pointsToRedeem
        self.at = at
    }
}
