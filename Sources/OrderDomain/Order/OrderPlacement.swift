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
///
/// A value like any other, held by reference: it never changes once made, and every order state,
/// event and view holding it shares one copy. Inline it took about 250 bytes of each order's entry
/// in the orders table, which every growth of the table moved and every read of an order copied.
public struct OrderPlacement: Sendable, Hashable, Codable {
    /// The fields, coded exactly as the struct that held them inline was.
    private struct Fields: Sendable, Hashable, Codable {
        let order: OrderID
        let member: MemberID
        let lines: [OrderLine]
        let shippingAddress: PostalAddress
        let coupon: CouponCode?
        let subtotal: Money
        let couponDiscount: Money
        let pointsRedeemed: Int64
        let pointsDiscount: Money
        let totalDue: Money
        let allocations: [StockAllocation]
        let placedAt: Timestamp
        let paymentDueAt: Timestamp
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let storage: Storage

    /// The new order's id.
    public var order: OrderID { storage.fields.order }
    /// The buyer.
    public var member: MemberID { storage.fields.member }
    /// Priced lines, one per SKU.
    public var lines: [OrderLine] { storage.fields.lines }
    /// Where the parcels go.
    public var shippingAddress: PostalAddress { storage.fields.shippingAddress }
    /// The coupon redeemed, if any.
    public var coupon: CouponCode? { storage.fields.coupon }
    /// Sum of the lines.
    public var subtotal: Money { storage.fields.subtotal }
    /// Taken off by the coupon.
    public var couponDiscount: Money { storage.fields.couponDiscount }
    /// Points spent at checkout.
    public var pointsRedeemed: Int64 { storage.fields.pointsRedeemed }
    /// Taken off by the points.
    public var pointsDiscount: Money { storage.fields.pointsDiscount }
    /// What the buyer must pay: subtotal less both discounts.
    public var totalDue: Money { storage.fields.totalDue }
    /// Where each line's units are held.
    public var allocations: [StockAllocation] { storage.fields.allocations }
    /// When the order was placed.
    public var placedAt: Timestamp { storage.fields.placedAt }
    /// When the unpaid order may expire.
    public var paymentDueAt: Timestamp { storage.fields.paymentDueAt }

    /// Creates a placement; `Order.decide` checks that its sums add up.
    public init(
        order: OrderID, member: MemberID, lines: [OrderLine], shippingAddress: PostalAddress, coupon: CouponCode?,
        subtotal: Money, couponDiscount: Money, pointsRedeemed: Int64, pointsDiscount: Money, totalDue: Money,
        allocations: [StockAllocation], placedAt: Timestamp, paymentDueAt: Timestamp
    ) {
        storage = Storage(
            Fields(
                order: order, member: member, lines: lines, shippingAddress: shippingAddress, coupon: coupon,
                subtotal: subtotal, couponDiscount: couponDiscount, pointsRedeemed: pointsRedeemed,
                pointsDiscount: pointsDiscount, totalDue: totalDue, allocations: allocations, placedAt: placedAt,
                paymentDueAt: paymentDueAt))
    }

    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (lhs: OrderPlacement, rhs: OrderPlacement) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The currency of every amount on the order.
    public var currency: Currency { totalDue.currency }
}
