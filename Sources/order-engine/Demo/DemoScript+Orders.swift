import OrderEngine

extension DemoScript {
    /// Places an order for a shopper, shipping to their home address.
    func place(
        _ order: OrderID, _ member: MemberID, _ lines: [LineQuantity], coupon: CouponCode? = nil, at now: Timestamp
    ) -> DomainCommand {
        .placeOrder(
            PlaceOrder(
                order: order, member: member, lines: lines, shippingAddress: DemoMall.address(of: member),
                coupon: coupon, at: now))
    }

    /// Places an order that must be accepted and returns what checkout fixed.
    func placeAccepted(
        _ order: OrderID, _ member: MemberID, _ lines: [LineQuantity], coupon: CouponCode? = nil, at now: Timestamp
    ) async throws -> OrderPlacement {
        let command = place(order, member, lines, coupon: coupon, at: now)
        return try await runner.run("member:\(member)", command, "place \(order)").placement()
    }

    /// Authorizes `amount` of an order with one method and captures it.
    func pay(
        _ order: OrderID, _ payment: PaymentID, _ method: PaymentMethod, _ amount: Money, member: MemberID,
        at now: Timestamp
    ) async throws {
        try await runner.run(
            "member:\(member)", .authorizePayment(payment, order: order, method: method, amount: amount, at: now),
            "authorize \(payment)")
        try await runner.run(Self.payments, .payment(payment, .capture(amount: amount, at: now)), "capture \(payment)")
    }

    func morningRush() async throws {
        let first = try await placeAccepted(
            "o-1001", DemoMall.wangFang, [line(DemoMall.teeM, 5), line(DemoMall.jeans, 1)],
            coupon: DemoMall.singlesDay, at: runner.at(9, 30))
        try await pay("o-1001", "pay-1001-1", .alipay, first.totalDue, member: DemoMall.wangFang, at: runner.at(9, 32))
        runner.note("o-1001 Wang Fang: 5 tees M (split over both warehouses) and jeans, SINGLES50, paid by Alipay")
        try await runner.refuse(
            .couponMemberLimitReached, "member:\(DemoMall.wangFang)",
            place(
                "o-1002", DemoMall.wangFang, [line(DemoMall.jeans, 1)], coupon: DemoMall.singlesDay,
                at: runner.at(9, 40)),
            "o-1002 Wang Fang tries SINGLES50 a second time")
        let second = try await placeAccepted(
            "o-1003", DemoMall.liWei, [line(DemoMall.linenShirt, 1), line(DemoMall.teeL, 1)], coupon: DemoMall.tops,
            at: runner.at(9, 45))
        try await pay("o-1003", "pay-1003-1", .wechatPay, second.totalDue, member: DemoMall.liWei, at: runner.at(9, 47))
        runner.note("o-1003 Li Wei: linen shirt and tee L, TOPS10, paid by WeChat Pay")
        let third = try await placeAccepted(
            "o-1004", DemoMall.zhangMin, [line(DemoMall.downJacket, 1)], at: runner.at(10, 0))
        try await pay("o-1004", "pay-1004-1", .card, third.totalDue, member: DemoMall.zhangMin, at: runner.at(10, 2))
        runner.note("o-1004 Zhang Min: a down jacket, paid by card")
        let fourth = try await placeAccepted(
            "o-1005", DemoMall.chenJie, [line(DemoMall.jeans, 1), line(DemoMall.scarf, 2)], at: runner.at(10, 15))
        let credit = DemoMall.yuan(30_000)
        try await pay("o-1005", "pay-1005-1", .storeCredit, credit, member: DemoMall.chenJie, at: runner.at(10, 16))
        let rest = try fourth.totalDue.subtracting(credit)
        try await pay("o-1005", "pay-1005-2", .card, rest, member: DemoMall.chenJie, at: runner.at(10, 17))
        runner.note("o-1005 Chen Jie: jeans and 2 scarves (1 backordered), 300.00 store credit plus card")
    }

    func theLastJacket() async throws {
        let unpaid = try await placeAccepted(
            "o-1006", DemoMall.zhangMin, [line(DemoMall.downJacket, 1)], at: runner.at(11, 0))
        runner.note(
            "o-1006 Zhang Min: the last down jacket, left unpaid (due \(DemoDay.clockText(unpaid.paymentDueAt)))")
        try await runner.refuse(
            .insufficientStock, "member:\(DemoMall.liWei)",
            place("o-1007", DemoMall.liWei, [line(DemoMall.downJacket, 1)], at: runner.at(11, 10)),
            "o-1007 Li Wei wants a down jacket while o-1006 holds the last one")
        _ = runner.at(11, 31)
        await runner.engine.expireDueOrders()
        guard try runner.engine.order("o-1006")?.order.status == .expired else {
            throw CommandFailure("o-1006 was not expired 30 minutes after it was placed")
        }
        runner.note("o-1006 expired unpaid by the engine's sweep: its jacket is back on sale")
        let retry = try await placeAccepted(
            "o-1008", DemoMall.liWei, [line(DemoMall.downJacket, 1)], at: runner.at(11, 40))
        try await pay("o-1008", "pay-1008-1", .alipay, retry.totalDue, member: DemoMall.liWei, at: runner.at(11, 41))
        runner.note("o-1008 Li Wei: the released down jacket, paid by Alipay")
    }
}

func line(_ sku: SKUID, _ quantity: Int64) -> LineQuantity {
    LineQuantity(sku: sku, quantity: quantity)
}
