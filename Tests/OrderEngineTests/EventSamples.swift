import OrderDomain

/// Realistic values of every event of every aggregate.
enum EventSamples {
    static func at(_ seconds: Int64) -> Timestamp { Timestamp(microsecondsSince1970: 1_700_000_000_000_000 + seconds * 1_000_000) }
    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let shirt: SKUID = "shirt-red-xl"
    static let hat: SKUID = "hat-blue"
    static let warehouse: WarehouseID = "hz-1"
    static let shirtInHangzhou = StockItemID(sku: shirt, warehouse: warehouse)
    static let order: OrderID = "o-1001"
    static let member: MemberID = "m-42"
    static let payment: PaymentID = "p-1"
    static let shipment: ShipmentID = "s-1"
    static let afterSale: AfterSaleID = "as-1"
    static let coupon: CouponCode = "SPRING10"

    static let home = PostalAddress(
        recipient: "李雷", phone: "13800000000", region: "浙江", city: "杭州", street: "西湖路 1 号",
        postalCode: "310000")

    static let shirtDefinition = SKUDefinition(
        id: shirt, title: "Red shirt / 红衬衫", price: cny(9_900),
        attributes: [SKUAttribute(name: "size", value: "XL"), SKUAttribute(name: "colour", value: "red")],
        categoryPath: ["apparel", "men", "shirts"], backorderAllowed: true)

    static let couponDefinition = CouponDefinition(
        code: coupon, discount: .percentage(basisPoints: 1_000), minimumSpend: cny(10_000), validFrom: at(0),
        validUntil: at(86_400), scope: .categories([["apparel"], ["shoes", "running"]]), usageLimit: 1_000,
        perMemberLimit: 2)

    static let placement = OrderPlacement(
        order: order, member: member,
        lines: [
            OrderLine(sku: shirt, quantity: 2, unitPrice: cny(9_900)),
            OrderLine(sku: hat, quantity: 1, unitPrice: cny(5_000)),
        ],
        shippingAddress: home, coupon: coupon, subtotal: cny(24_800), couponDiscount: cny(2_480),
        pointsRedeemed: 300, pointsDiscount: cny(300), totalDue: cny(22_020),
        allocations: [
            StockAllocation(item: shirtInHangzhou, quantity: 2, backordered: 1),
            StockAllocation(item: StockItemID(sku: hat, warehouse: warehouse), quantity: 1, backordered: 0),
        ],
        placedAt: at(10), paymentDueAt: at(1_810))

    static let lines = [LineQuantity(sku: shirt, quantity: 1), LineQuantity(sku: hat, quantity: 1)]

    static let orderPlaced = DomainEvent.order(order, .placed(placement))
    static let stockReserved = DomainEvent.stock(
        shirtInHangzhou, .reserved(order: order, quantity: 2, backordered: 1, expiresAt: at(1_810), at: at(10)))

    static let catalog: [DomainEvent] = [
        .catalog(shirt, .registered(shirtDefinition, at: at(1))),
        .catalog(shirt, .priceChanged(from: cny(9_900), to: cny(8_900), at: at(2))),
        .catalog(shirt, .listed(at: at(3))),
        .catalog(shirt, .delisted(at: at(4))),
        .catalog(shirt, .backorderPolicyChanged(allowed: false, at: at(5))),
    ]

    static let stock: [DomainEvent] = [
        .received(quantity: 100, at: at(1)),
        .incomingExpected(quantity: 50, at: at(2)),
        .adjusted(delta: -3, reason: .cycleCount, at: at(3)),
        .safetyStockSet(quantity: 5, at: at(4)),
        .reserved(order: order, quantity: 2, backordered: 1, expiresAt: at(1_810), at: at(10)),
        .reservationCommitted(order: order, quantity: 2, at: at(20)),
        .backorderFilled(order: order, quantity: 1, at: at(30)),
        .reservationReleased(order: order, reserved: 2, committed: 0, backordered: 1, reason: .expired, at: at(40)),
        .shipmentDeducted(order: order, shipment: shipment, quantity: 2, at: at(50)),
        .replacementAllocated(order: order, afterSale: afterSale, quantity: 1, at: at(60)),
        .returnRestocked(order: order, afterSale: afterSale, quantity: 1, at: at(70)),
        .returnWrittenOff(order: order, afterSale: afterSale, quantity: 1, at: at(80)),
        .damagedDisposed(quantity: 1, at: at(90)),
        .transferredOut(quantity: 10, to: "sh-2", at: at(100)),
        .transferredIn(quantity: 10, from: "sh-2", at: at(110)),
        .replacementReleased(order: order, afterSale: afterSale, quantity: 1, at: at(120)),
    ].map { .stock(shirtInHangzhou, $0) }

    static let orders: [DomainEvent] = [
        .placed(placement),
        .paymentRecorded(payment: payment, amount: cny(22_020), at: at(20)),
        .paid(at: at(20)),
        .refundRecorded(payment: payment, amount: cny(5_000), pointsReversed: 50, at: at(30)),
        .cancelled(reason: "buyer changed mind", at: at(40)),
        .expired(at: at(1_810)),
        .held(reason: "fraud check", at: at(50)),
        .holdReleased(at: at(60)),
        .shipmentAllocated(shipment: shipment, lines: lines, at: at(70)),
        .shipmentAllocationCancelled(shipment: shipment, at: at(80)),
        .shipmentShipped(shipment: shipment, at: at(90)),
        .shipmentDelivered(shipment: shipment, at: at(100)),
        .completed(pointsEarned: 220, at: at(110)),
        .returnReserved(afterSale: afterSale, lines: [LineQuantity(sku: shirt, quantity: 1)], at: at(120)),
        .returnReleased(afterSale: afterSale, at: at(130)),
        .chargeAdded(afterSale: afterSale, amount: cny(4_900), at: at(140)),
        .chargeCancelled(afterSale: afterSale, at: at(150)),
        .chargePaid(afterSale: afterSale, at: at(160)),
        .paymentAuthorized(payment: payment, amount: cny(22_020), at: at(15)),
        .authorizationReleased(payment: payment, amount: cny(1_000), at: at(17)),
        .replacementDelivered(afterSale: afterSale, shipment: "s-2", lines: [LineQuantity(sku: hat, quantity: 1)], at: at(170)),
        .chargePointsEarned(afterSale: afterSale, points: 49, at: at(180)),
    ].map { .order(order, $0) }

    static let payments: [DomainEvent] = [
        .authorized(order: order, member: member, method: .wechatPay, amount: cny(22_020), amountDue: cny(22_020), at: at(15)),
        .captured(amount: cny(22_020), at: at(20)),
        .voided(at: at(25)),
        .refunded(amount: cny(5_000), at: at(30)),
        .failed(reason: "card declined", at: at(35)),
        .callbackRecorded(providerEvent: "wx-evt-0001", at: at(40)),
        .authorizationReleased(amount: cny(1_000), at: at(45)),
    ].map { .payment(payment, $0) }

    static let shipments: [DomainEvent] = [
        .created(order: order, warehouse: warehouse, lines: lines, kind: .replacement(afterSale), at: at(70)),
        .carrierAssigned(carrier: "SF Express", trackingNumber: "SF1234567890", at: at(75)),
        .shipped(at: at(90)),
        .inTransit(location: "上海转运中心", at: at(95)),
        .delivered(at: at(100)),
        .cancelled(reason: "address unreachable", at: at(105)),
    ].map { .shipment(shipment, $0) }

    static let afterSales: [DomainEvent] = [
        .requested(
            order: order, member: member, kind: .exchange(replacements: [LineQuantity(sku: hat, quantity: 1)]),
            lines: [LineQuantity(sku: shirt, quantity: 1)], reason: "too small", at: at(200)),
        .approved(at: at(210)),
        .declined(reason: "outside the return window", at: at(215)),
        .goodsReceived(warehouse: warehouse, good: [LineQuantity(sku: shirt, quantity: 1)], damaged: [], at: at(220)),
        .refunded(payment: payment, amount: cny(9_900), at: at(230)),
        .replacementArranged(shipment: "s-2", priceDifference: cny(-4_900), at: at(240)),
        .closed(at: at(250)),
        .replacementCancelled(shipment: "s-2", at: at(260)),
        .differenceOwed(amount: cny(4_900), at: at(270)),
        .differencePaid(amount: cny(4_900), at: at(280)),
    ].map { .afterSale(afterSale, $0) }

    static let members: [DomainEvent] = [
        .registered(MemberProfile(displayName: "Li Lei", email: "li@example.com", phone: "13800000000"), at: at(1)),
        .profileUpdated(MemberProfile(displayName: "李雷"), at: at(2)),
        .addressAdded("home", home, at: at(3)),
        .addressChanged("home", home, at: at(4)),
        .addressRemoved("office", at: at(5)),
        .defaultAddressSet("home", at: at(6)),
        .favouriteAdded(shirt, at: at(7)),
        .favouriteRemoved(shirt, at: at(8)),
        .tierChanged(from: .standard, to: .gold, at: at(9)),
        .pointsEarned(order: order, points: 220, at: at(10)),
        .pointsRedeemed(order: order, points: 300, at: at(11)),
        .pointsRestored(order: order, points: 300, at: at(12)),
        .pointsReversed(order: order, points: 50, at: at(13)),
        .storeCreditAdded(cny(1_000), reason: "apology", at: at(14)),
        .storeCreditSpent(cny(500), reason: "order o-1001", at: at(15)),
    ].map { .member(member, $0) }

    static let coupons: [DomainEvent] = [
        .defined(couponDefinition, at: at(0)),
        .disabled(at: at(1)),
        .redeemed(order: order, member: member, at: at(10)),
        .released(order: order, member: member, at: at(40)),
    ].map { .coupon(coupon, $0) }

    /// One value of every event type, plus variants that exercise other shapes of the same case.
    static let all: [DomainEvent] = catalog + stock + orders + payments + shipments + afterSales + members + coupons

    static let variants: [DomainEvent] = [
        .order(
            "o-2",
            .placed(
                OrderPlacement(
                    order: "o-2", member: member, lines: [OrderLine(sku: hat, quantity: 1, unitPrice: cny(0))],
                    shippingAddress: home, coupon: nil, subtotal: cny(0), couponDiscount: cny(0), pointsRedeemed: 0,
                    pointsDiscount: cny(0), totalDue: cny(0), allocations: [], placedAt: at(0),
                    paymentDueAt: at(0)))),
        .afterSale(
            afterSale,
            .requested(order: order, member: member, kind: .return, lines: lines, reason: "r", at: at(-5))),
        .afterSale(
            afterSale,
            .requested(order: order, member: member, kind: .claim(.damaged), lines: lines, reason: "r", at: at(1))),
        .shipment(shipment, .created(order: order, warehouse: warehouse, lines: lines, kind: .order, at: at(0))),
        .coupon(
            coupon,
            .defined(
                CouponDefinition(
                    code: coupon, discount: .fixed(Money(minorUnits: 500, currency: .jpy)),
                    minimumSpend: Money(minorUnits: 0, currency: .jpy), validFrom: at(0), validUntil: at(1),
                    scope: .skus([shirt, hat]), usageLimit: 10),
                at: at(0))),
        .stock(shirtInHangzhou, .adjusted(delta: Int64.min, reason: .damage, at: Timestamp(microsecondsSince1970: .max))),
    ]
}
