import OrderDomain
import Testing

/// Drives a shop with commands chosen from random numbers, over a few SKUs, warehouses,
/// members, coupons and many orders, and records how many were accepted.
struct Simulation {
    var shop: Shop
    var accepted = 0
    var acceptedByKind: [Int: Int] = [:]
    var steps = 0
    var time: Int64 = 100

    static let skus: [SKUID] = ["s0", "s1", "s2", "s3"]
    static let warehouses: [WarehouseID] = ["w0", "w1", "w2"]
    static let members: [MemberID] = ["m0", "m1", "m2", "m3"]
    static let coupons: [CouponCode] = ["C0", "C1"]
    /// Steps before the simulation moves on to four new orders; long enough for most to reach
    /// after-sale.
    static let stepsPerOrderWindow = 300

    init() throws {
        var shop = Shop()
        for (index, sku) in Self.skus.enumerated() {
            try shop.register(
                sku, price: Int64(1_000 + index * 750), path: index % 2 == 0 ? ["a", "b"] : ["c"], backorder: index == 3
            )
            for warehouse in Self.warehouses.prefix(index + 1) {
                try shop.run(.stock(StockItemID(sku: sku, warehouse: warehouse), .receive(quantity: 6, at: at(1))))
            }
        }
        for member in Self.members {
            try shop.run(.member(member, .register(profile, at: at(1))))
            try shop.run(.member(member, .earnPoints(order: "welcome", points: 500, at: at(1))))
            try shop.run(.member(member, .addStoreCredit(cny(5_000), reason: "gift", at: at(1))))
        }
        try shop.run(.defineCoupon(tenOff(limit: 3, perMember: 1), at: at(1)))
        let percent = CouponDefinition(
            code: "C1", discount: .percentage(basisPoints: 2_000), minimumSpend: cny(0), validFrom: at(0),
            validUntil: at(1_000_000), scope: .categories([["a"]]), usageLimit: 5, perMemberLimit: 2)
        try shop.run(.defineCoupon(percent, at: at(1)))
        self.shop = shop
    }

    mutating func step(_ op: Int) {
        time += 7
        steps += 1
        let kind = op % 24
        let a = (op / 24) % 4
        let b = (op / 96) % 8
        let c = (op / 768) % 32
        let order = try! OrderID("o\(a + 4 * (steps / Self.stepsPerOrderWindow))")
        if let command = command(kind, order, b, c), (try? shop.run(command)) != nil {
            accepted += 1
            acceptedByKind[kind, default: 0] += 1
        }
    }

    func command(_ kind: Int, _ order: OrderID, _ b: Int, _ c: Int) -> DomainCommand? {
        let state = shop.states.order(order)
        let now = at(time)
        switch kind {
        case 17...23:
            return advance(order, state, b, c)
        case 0, 1:
            return place(order, b, c)
        case 2:
            return authorize(order, state, b, c)
        case 3:
            let id = paymentID(order, b % 2)
            let open = shop.states.payment(id).uncapturedMinorUnits
            switch c % 4 {
            case 0: return .payment(id, .capture(amount: cny(max(1, open / 2)), at: now))
            case 1: return .payment(id, .void(at: now))
            case 2: return .payment(id, .releaseAuthorization(amount: cny(max(1, open / 2)), at: now))
            default: return .payment(id, .capture(amount: cny(max(1, open)), at: now))
            }
        case 4:
            return .payment(
                paymentID(order, b % 2),
                .recordCallback(
                    providerEvent: try! ProviderEventID("e\(c % 4)"), outcome: .captured(cny(Int64(1 + c * 100))),
                    at: now))
        case 5:
            guard c % 3 == 0 else { return nil }
            return b % 2 == 0
                ? .cancelOrder(order, reason: "changed mind", at: now)
                : .expireOrder(order, at: at(time + Int64(c) * 200))
        case 6:
            return createShipment(order, state, b)
        case 7:
            return .shipment(shipmentID(order, b % 3), .assignCarrier(carrier: "SF", trackingNumber: "T\(c)", at: now))
        case 8:
            return .shipment(
                shipmentID(order, b % 3), c % 4 == 0 ? .cancel(reason: "x", at: now) : .markShipped(at: now))
        case 9:
            return .shipment(
                shipmentID(order, b % 3),
                c % 3 == 0 ? .recordTransit(location: "hub", at: now) : .markDelivered(at: now))
        case 10:
            return .completeOrder(order, at: now)
        case 11:
            return .payment(paymentID(order, b % 2), .refund(amount: cny(Int64(1 + c * 250)), at: now))
        case 12:
            return afterSale(order, state, b, c)
        case 13:
            let item = StockItemID(sku: Self.skus[b % 4], warehouse: Self.warehouses[c % 3])
            switch c % 4 {
            case 0: return .stock(item, .receive(quantity: Int64(1 + b), at: now))
            case 1: return .stock(item, .adjust(delta: -Int64(1 + b % 3), reason: .damage, at: now))
            case 2: return .stock(item, .setSafetyStock(quantity: Int64(b % 3), at: now))
            default:
                return .transferStock(
                    sku: item.sku, from: item.warehouse, to: Self.warehouses[(c + 1) % 3], quantity: Int64(1 + b % 4),
                    at: now)
            }
        case 14:
            return b % 2 == 0 ? .holdOrder(order, reason: "check", at: now) : .releaseOrderHold(order, at: now)
        case 15:
            let member = Self.members[b % 4]
            return c % 2 == 0
                ? .member(member, .spendStoreCredit(cny(Int64(1 + c * 300)), reason: "x", at: now))
                : .member(member, .redeemPoints(order: "manual", points: Int64(1 + c * 40), at: now))
        default:
            let item = StockItemID(sku: "s3", warehouse: "w0")
            return .stock(item, .fillBackorder(order: order, quantity: Int64(1 + b % 2), at: now))
        }
    }

    /// The natural next step of the order's life, so random runs reach shipping and after-sale.
    func advance(_ order: OrderID, _ state: OrderState, _ b: Int, _ c: Int) -> DomainCommand? {
        let now = at(time)
        if state.owesCharge, c % 5 != 0, let pay = payCharge(order, state, b) { return pay }
        switch state.status {
        case .none:
            return place(order, b, c)
        case .awaitingPayment:
            for index in 0..<2 {
                let id = paymentID(order, index)
                let payment = shop.states.payment(id)
                let room = state.amountDueMinorUnits - state.openAuthorizedMinorUnits
                if payment.status == .none, room > 0 {
                    return .authorizePayment(id, order: order, method: .alipay, amount: cny(room), at: now)
                }
                let open = payment.uncapturedMinorUnits
                if open > 0 {
                    switch c % 6 {
                    case 0: return .payment(id, .capture(amount: cny(max(1, open / 2)), at: now))
                    case 1 where payment.capturedMinorUnits > 0:
                        return .payment(id, .releaseAuthorization(amount: cny(open), at: now))
                    default: return .payment(id, .capture(amount: cny(open), at: now))
                    }
                }
            }
            return nil
        case .paid, .partiallyShipped:
            for (index, shipment) in state.shipments.enumerated() where shipment.status == .allocated {
                let id = shipment.id
                return shop.states.shipment(id).trackingNumber == nil
                    ? .shipment(id, .assignCarrier(carrier: "SF", trackingNumber: "T\(index)", at: now))
                    : .shipment(id, .markShipped(at: now))
            }
            return createShipment(order, state, state.shipments.count)
        case .shipped:
            guard let shipped = state.shipments.first(where: { $0.status == .shipped }) else { return nil }
            return .shipment(shipped.id, .markDelivered(at: now))
        case .delivered, .completed:
            return c % 3 == 0 && state.status == .delivered
                ? .completeOrder(order, at: now) : afterSale(order, state, b, c)
        case .cancelled, .expired:
            return nil
        }
    }

    func place(_ order: OrderID, _ b: Int, _ c: Int) -> DomainCommand {
        var lines = [LineQuantity(sku: Self.skus[c % 4], quantity: Int64(1 + b % 5))]
        if c >= 16 { lines.append(LineQuantity(sku: Self.skus[(c + 1) % 4], quantity: Int64(1 + c % 3))) }
        let coupon: CouponCode? = b < 2 ? Self.coupons[b] : nil
        return .placeOrder(
            PlaceOrder(
                order: order, member: Self.members[(b + c) % 4], lines: lines, shippingAddress: home, coupon: coupon,
                pointsToRedeem: c % 5 == 0 ? Int64(c * 20) : 0, at: at(time)))
    }

    func createShipment(_ order: OrderID, _ state: OrderState, _ b: Int) -> DomainCommand? {
        guard let allocations = state.placement?.allocations, !allocations.isEmpty else { return nil }
        let allocation = allocations[b % allocations.count]
        guard allocation.quantity > allocation.backordered else { return nil }
        let lines = [LineQuantity(sku: allocation.item.sku, quantity: allocation.quantity - allocation.backordered)]
        return .createShipment(
            shipmentID(order, b % 4), order: order, warehouse: allocation.item.warehouse, lines: lines, at: at(time))
    }

    func afterSale(_ order: OrderID, _ state: OrderState, _ b: Int, _ c: Int) -> DomainCommand? {
        let id = try! AfterSaleID("\(order)-a\(b % 2)")
        let now = at(time)
        let current = shop.states.afterSale(id)
        switch current.status {
        case .none:
            guard let line = state.placement?.lines.first, let member = state.placement?.member else { return nil }
            let kinds: [AfterSaleKind] = [
                .return, .claim(.missing), .exchange(replacements: [LineQuantity(sku: "s0", quantity: 1)]),
                .exchange(replacements: [LineQuantity(sku: "s3", quantity: 1)]),
            ]
            return .requestAfterSale(
                id, order: order, member: member, kind: kinds[c % 4], lines: [LineQuantity(sku: line.sku, quantity: 1)],
                reason: "r", at: now)
        case .requested:
            return c % 4 == 0 ? .afterSale(id, .decline(reason: "no", at: now)) : .afterSale(id, .approve(at: now))
        case .approved:
            let units = [LineQuantity(sku: current.lines[0].sku, quantity: 1)]
            if case .claim = current.kind, c % 2 == 0 {
                return .arrangeReplacement(id, shipment: replacementID(id, c), warehouse: "w0", at: now)
            }
            return .afterSale(
                id,
                .receiveGoods(
                    warehouse: Self.warehouses[c % 3], good: c % 2 == 0 ? units : [], damaged: c % 2 == 0 ? [] : units,
                    at: now))
        case .goodsReceived:
            if case .return = current.kind {
                return .refundAfterSale(id, payment: paymentID(order, b % 2), amount: cny(Int64(1 + c * 100)), at: now)
            }
            if case .exchange = current.kind, c % 5 == 0 {
                return .refundAfterSale(id, payment: paymentID(order, b % 2), amount: cny(Int64(1 + c * 50)), at: now)
            }
            return .arrangeReplacement(id, shipment: replacementID(id, c), warehouse: Self.warehouses[c % 3], at: now)
        case .awaitingDifference:
            guard c % 5 != 0, let parcel = current.replacementShipment else {
                return current.replacementShipment.map { .shipment($0, .cancel(reason: "unpaid", at: now)) }
            }
            return payCharge(order, state, b) ?? .shipment(parcel, .markShipped(at: now))
        case .resolved:
            return replacementStep(id, current, c)
        case .declined:
            return .afterSale(id, .close(at: now))
        case .closed:
            return nil
        }
    }

    /// Opens one of two payments for the whole amount due, half of it, or what other
    /// payments leave, so payments race for the same order.
    func authorize(_ order: OrderID, _ state: OrderState, _ b: Int, _ c: Int) -> DomainCommand? {
        guard state.placement != nil else { return nil }
        let due = state.amountDueMinorUnits - state.paidMinorUnits
        let room = state.amountDueMinorUnits - state.openAuthorizedMinorUnits
        let amount = [due, due / 2, room][c % 3]
        let method: PaymentMethod = b % 3 == 0 ? .storeCredit : .alipay
        return .authorizePayment(
            paymentID(order, b % 2), order: order, method: method, amount: cny(max(1, amount)), at: at(time))
    }

    /// Authorizes and captures what an order owes for an after-sale charge.
    func payCharge(_ order: OrderID, _ state: OrderState, _ b: Int) -> DomainCommand? {
        let now = at(time)
        for index in 0..<8 {
            let id = paymentID(order, index)
            let payment = shop.states.payment(id)
            let open = payment.uncapturedMinorUnits
            if open > 0 {
                switch b % 8 {
                case 0: return .payment(id, .void(at: now))
                case 1: return .payment(id, .capture(amount: cny(max(1, open / 2)), at: now))
                default: return .payment(id, .capture(amount: cny(open), at: now))
                }
            }
            let room = state.amountDueMinorUnits - state.openAuthorizedMinorUnits
            if index >= 2, payment.status == .none, room > 0 {
                return .authorizePayment(id, order: order, method: .alipay, amount: cny(room), at: now)
            }
        }
        return nil
    }

    /// Moves a resolved case's replacement parcel on, or cancels it, or closes the case.
    func replacementStep(_ id: AfterSaleID, _ current: AfterSaleState, _ c: Int) -> DomainCommand? {
        let now = at(time)
        guard let parcel = current.replacementShipment else { return .afterSale(id, .close(at: now)) }
        let shipment = shop.states.shipment(parcel)
        switch shipment.status {
        case .created where c % 4 == 0:
            return .shipment(parcel, .cancel(reason: "out of stock", at: now))
        case .created:
            return shipment.trackingNumber == nil
                ? .shipment(parcel, .assignCarrier(carrier: "SF", trackingNumber: "R\(c)", at: now))
                : .shipment(parcel, .markShipped(at: now))
        case .shipped, .inTransit:
            return c % 2 == 0 ? .shipment(parcel, .markDelivered(at: now)) : .afterSale(id, .close(at: now))
        case .none, .delivered, .cancelled:
            return .afterSale(id, .close(at: now))
        }
    }

    func replacementID(_ afterSale: AfterSaleID, _ c: Int) -> ShipmentID {
        try! ShipmentID("\(afterSale.rawValue)-r\(c % 8)")
    }

    func paymentID(_ order: OrderID, _ index: Int) -> PaymentID { try! PaymentID("\(order.rawValue)-p\(index)") }
    func shipmentID(_ order: OrderID, _ index: Int) -> ShipmentID { try! ShipmentID("\(order.rawValue)-s\(index)") }
}
