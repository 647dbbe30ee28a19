/// One priced line of a placed order.
public struct OrderLine: Sendable, Hashable, Codable {
    /// The SKU bought.
    public let sku: SKUID
    /// Units bought.
    public let quantity: Int64
    /// The catalog price per unit when the order was placed.
    public let unitPrice: Money

    /// Creates a priced line.
    public init(sku: SKUID, quantity: Int64, unitPrice: Money) {
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

/// Units of one order line held in one warehouse.
public struct StockAllocation: Sendable, Hashable, Codable {
    /// The stock item holding them.
    public let item: StockItemID
    /// Units held there, including backordered ones.
    public let quantity: Int64
    /// Units of `quantity` not yet in stock.
    public let backordered: Int64

    /// Creates an allocation.
    public init(item: StockItemID, quantity: Int64, backordered: Int64) {
        self.item = item
        self.quantity = quantity
        self.backordered = backordered
    }
}

/// Everything fixed at checkout: priced lines, discounts, stock holds and deadlines.
///
/// `Checkout` computes it from the catalog, stock, coupon and member states; the order
/// keeps it whole so cancellation knows exactly what to give back.
public struct OrderPlacement: Sendable, Hashable, Codable {
    /// The new order's id.
    public let order: OrderID
    /// The buyer.
    public let member: MemberID
    /// Priced lines, one per SKU.
    public let lines: [OrderLine]
    /// Where the parcels go.
    public let shippingAddress: PostalAddress
    /// The coupon redeemed, if any.
    public let coupon: CouponCode?
    /// Sum of the lines.
    public let subtotal: Money
    /// Taken off by the coupon.
    public let couponDiscount: Money
    /// Points spent at checkout.
    public let pointsRedeemed: Int64
    /// Taken off by the points.
    public let pointsDiscount: Money
    /// What the buyer must pay: subtotal less both discounts.
    public let totalDue: Money
    /// Where each line's units are held.
    public let allocations: [StockAllocation]
    /// When the order was placed.
    public let placedAt: Timestamp
    /// When the unpaid order may expire.
    public let paymentDueAt: Timestamp

    /// Creates a placement; `Order.decide` checks that its sums add up.
    public init(
        order: OrderID, member: MemberID, lines: [OrderLine], shippingAddress: PostalAddress, coupon: CouponCode?,
        subtotal: Money, couponDiscount: Money, pointsRedeemed: Int64, pointsDiscount: Money, totalDue: Money,
        allocations: [StockAllocation], placedAt: Timestamp, paymentDueAt: Timestamp
    ) {
        self.order = order
        self.member = member
        self.lines = lines
        self.shippingAddress = shippingAddress
        self.coupon = coupon
        self.subtotal = subtotal
        self.couponDiscount = couponDiscount
        self.pointsRedeemed = pointsRedeemed
        self.pointsDiscount = pointsDiscount
        self.totalDue = totalDue
        self.allocations = allocations
        self.placedAt = placedAt
        self.paymentDueAt = paymentDueAt
    }

    /// The currency of every amount on the order.
    public var currency: Currency { totalDue.currency }
}
