import OrderDomain
import Testing

func at(_ seconds: Int64) -> Timestamp {
    Timestamp(microsecondsSince1970: seconds * 1_000_000)
}

func cny(_ minorUnits: Int64) -> Money {
    Money(minorUnits: minorUnits, currency: .cny)
}

func usd(_ minorUnits: Int64) -> Money {
    Money(minorUnits: minorUnits, currency: .usd)
}

/// Runs a decision that must be refused and checks its code.
func expectRefusal<T>(
    _ code: RefusalCode, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(Refusal) -> T
) {
    do {
        let result = try body()
        Issue.record("expected refusal \(code.rawValue), got \(result)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }
}

func catalog(_ events: [CatalogEvent]) -> CatalogState {
    events.reduce(CatalogState.initial, Catalog.evolve)
}

func stock(_ events: [StockEvent]) -> StockState {
    events.reduce(StockState.initial, Stock.evolve)
}

let shirtID: SKUID = "shirt-red-xl"

let shirt = SKUDefinition(
    id: shirtID, title: "Red shirt", price: cny(9_900),
    attributes: [SKUAttribute(name: "size", value: "XL"), SKUAttribute(name: "colour", value: "red")],
    categoryPath: ["apparel", "men", "shirts"])

func order(_ events: [OrderEvent]) -> OrderState {
    events.reduce(OrderState.initial, Order.evolve)
}

func payment(_ events: [PaymentEvent]) -> PaymentState {
    events.reduce(PaymentState.initial, Payment.evolve)
}

let home = PostalAddress(
    recipient: "Li Lei", phone: "13800000000", region: "Zhejiang", city: "Hangzhou", street: "1 West Lake Road",
    postalCode: "310000")

let policy = DomainPolicy.standard

/// A two-line order of 2 shirts at 99.00 and 1 hat at 50.00, all from warehouse w1.
func placement(
    order id: OrderID = "o1", totalDue: Int64 = 24_800, couponDiscount: Int64 = 0, coupon: CouponCode? = nil
) -> OrderPlacement {
    OrderPlacement(
        order: id, member: "m1",
        lines: [
            OrderLine(sku: "shirt", quantity: 2, unitPrice: cny(9_900)),
            OrderLine(sku: "hat", quantity: 1, unitPrice: cny(5_000)),
        ],
        shippingAddress: home, coupon: coupon, subtotal: cny(24_800), couponDiscount: cny(couponDiscount),
        pointsRedeemed: 0, pointsDiscount: cny(0), totalDue: cny(totalDue),
        allocations: [
            StockAllocation(item: StockItemID(sku: "shirt", warehouse: "w1"), quantity: 2, backordered: 0),
            StockAllocation(item: StockItemID(sku: "hat", warehouse: "w1"), quantity: 1, backordered: 0),
        ],
        placedAt: at(10), paymentDueAt: at(1_810))
}

func member(_ events: [MemberEvent]) -> MemberState {
    events.reduce(MemberState.initial, Member.evolve)
}

func coupon(_ events: [CouponEvent]) -> CouponState {
    events.reduce(CouponState.initial, Coupon.evolve)
}

let profile = MemberProfile(displayName: "Li Lei", email: "li@example.com", phone: "13800000000")

func tenOff(limit: Int64 = 2, perMember: Int64 = 1, scope: CouponScope = .everything) -> CouponDefinition {
    CouponDefinition(
        code: "TENOFF", discount: .fixed(cny(1_000)), minimumSpend: cny(5_000), validFrom: at(0), validUntil: at(1_000),
        scope: scope, usageLimit: limit, perMemberLimit: perMember)
}

func shipment(_ events: [ShipmentEvent]) -> ShipmentState {
    events.reduce(ShipmentState.initial, Shipment.evolve)
}

func afterSale(_ events: [AfterSaleEvent]) -> AfterSaleState {
    events.reduce(AfterSaleState.initial, AfterSale.evolve)
}
