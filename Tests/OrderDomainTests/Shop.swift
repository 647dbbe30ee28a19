import OrderDomain
import Testing

/// An in-memory shop: decides domain commands and folds their events.
struct Shop {
    var states = DomainStates()
    var policy = DomainPolicy.standard
    var log: [DomainEvent] = []

    @discardableResult
    mutating func run(_ command: DomainCommand) throws(Refusal) -> [DomainEvent] {
        let events = try Domain.decide(command, states, policy)
        states.apply(events)
        log += events
        return events
    }

    /// Runs a command that must be refused and checks that nothing changed.
    mutating func refuse(
        _ code: RefusalCode, _ command: DomainCommand, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = states
        do {
            let events = try run(command)
            Issue.record("expected \(code.rawValue), got \(events)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        }
        #expect(states == before, sourceLocation: sourceLocation)
    }

    /// A shop with shirts (99.00, 10 in w1 and 5 in w2), hats (50.00, 3 in w1, backorders
    /// allowed), a member m1 with 1000 points and a coupon TENOFF.
    static func stocked() throws -> Shop {
        var shop = Shop()
        try shop.register("shirt", price: 9_900, path: ["apparel", "shirts"])
        try shop.register("hat", price: 5_000, path: ["accessories"], backorder: true)
        try shop.run(.stock(StockItemID(sku: "shirt", warehouse: "w1"), .receive(quantity: 10, at: at(1))))
        try shop.run(.stock(StockItemID(sku: "shirt", warehouse: "w2"), .receive(quantity: 5, at: at(1))))
        try shop.run(.stock(StockItemID(sku: "hat", warehouse: "w1"), .receive(quantity: 3, at: at(1))))
        try shop.run(.member("m1", .register(profile, at: at(1))))
        try shop.run(.member("m1", .earnPoints(order: "welcome", points: 1_000, at: at(1))))
        try shop.run(.member("m2", .register(profile, at: at(1))))
        try shop.run(.defineCoupon(tenOff(), at: at(1)))
        return shop
    }

    mutating func register(_ sku: SKUID, price: Int64, path: [String], backorder: Bool = false) throws(Refusal) {
        let definition = SKUDefinition(
            id: sku, title: "\(sku)", price: cny(price), categoryPath: path, backorderAllowed: backorder)
        try run(.catalog(sku, .register(definition, at: at(0))))
        try run(.catalog(sku, .list(at: at(0))))
    }

    func place(
        _ id: OrderID, _ lines: [LineQuantity], member: MemberID = "m1", coupon: CouponCode? = nil, points: Int64 = 0,
        at time: Int64 = 10
    ) -> DomainCommand {
        .placeOrder(
            PlaceOrder(
                order: id, member: member, lines: lines, shippingAddress: home, coupon: coupon, pointsToRedeem: points,
                at: at(time)))
    }

    /// Places an order and pays it in full with one payment.
    mutating func placeAndPay(_ id: OrderID, _ lines: [LineQuantity], payment: PaymentID) throws(Refusal) {
        try run(place(id, lines))
        let due = states.order(id).placement!.totalDue
        try run(.authorizePayment(payment, order: id, method: .alipay, amount: due, at: at(20)))
        try run(.payment(payment, .capture(amount: due, at: at(21))))
    }

    func item(_ sku: SKUID, _ warehouse: WarehouseID) -> StockState {
        states.stock(StockItemID(sku: sku, warehouse: warehouse))
    }
}

func line(_ sku: SKUID, _ quantity: Int64) -> LineQuantity {
    LineQuantity(sku: sku, quantity: quantity)
}

extension Shop {
    /// Ships and delivers every unit of a paid order from the warehouses holding them.
    mutating func deliverAll(_ order: OrderID, at time: Int64 = 30) throws(Refusal) {
        guard let placement = states.order(order).placement else { return }
        for (index, allocation) in placement.allocations.enumerated() {
            let id = try ShipmentID("\(order)-s\(index)")
            let lines = [LineQuantity(sku: allocation.item.sku, quantity: allocation.quantity)]
            try run(.createShipment(id, order: order, warehouse: allocation.item.warehouse, lines: lines, at: at(time)))
            try run(.shipment(id, .assignCarrier(carrier: "SF", trackingNumber: "T\(index)", at: at(time))))
            try run(.shipment(id, .markShipped(at: at(time + 1))))
            try run(.shipment(id, .markDelivered(at: at(time + 2))))
        }
    }
}
