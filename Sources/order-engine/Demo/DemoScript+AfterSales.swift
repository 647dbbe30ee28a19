import OrderEngine

extension DemoScript {
    /// Li Wei swaps the tee of o-1003 for a second linen shirt and pays the price difference.
    func exchange() async throws {
        let actor = "member:\(DemoMall.liWei)"
        let kind = AfterSaleKind.exchange(replacements: [line(DemoMall.linenShirt, 1)])
        try await runner.run(
            actor,
            .requestAfterSale(
                "as-1003-1", order: "o-1003", member: DemoMall.liWei, kind: kind, lines: [line(DemoMall.teeL, 1)],
                reason: "prefers a second linen shirt", at: runner.at(17, 0)),
            "request exchange as-1003-1")
        try await runner.run(Self.service, .afterSale("as-1003-1", .approve(at: runner.at(17, 5))), "approve as-1003-1")
        try await runner.run(
            Self.warehouse,
            .afterSale(
                "as-1003-1",
                .receiveGoods(
                    warehouse: DemoMall.beijing, good: [line(DemoMall.teeL, 1)], damaged: [], at: runner.at(17, 40))),
            "receive the tee of as-1003-1")
        let arranged = try await runner.run(
            Self.service,
            .arrangeReplacement(
                "as-1003-1", shipment: "sh-1003-r1", warehouse: DemoMall.shanghai, at: runner.at(17, 45)),
            "arrange the replacement of as-1003-1")
        guard let owed = arranged.differenceOwed() else {
            throw CommandFailure("demo check failed: the dearer replacement of as-1003-1 left nothing owed")
        }
        runner.note(
            "exchange as-1003-1: tee back in Beijing, linen shirt reserved in Shanghai, \(DemoFormat.money(owed)) owed")
        try await pay("o-1003", "pay-1003-2", .wechatPay, owed, member: DemoMall.liWei, at: runner.at(17, 50))
        try await shipCreated("sh-1003-r1", at: runner.at(18, 0))
        try await deliver("sh-1003-r1", at: runner.at(19, 30))
        try await runner.run(Self.service, .afterSale("as-1003-1", .close(at: runner.at(19, 35))), "close as-1003-1")
        runner.note("exchange as-1003-1: difference paid by WeChat Pay, replacement delivered, case closed")
    }

    /// Wang Fang returns two tees of o-1001: one goes back on the shelf, one is written off.
    func returnWithRefund() async throws {
        let tees = [line(DemoMall.teeM, 2)]
        try await runner.run(
            "member:\(DemoMall.wangFang)",
            .requestAfterSale(
                "as-1001-1", order: "o-1001", member: DemoMall.wangFang, kind: .return, lines: tees,
                reason: "too small", at: runner.at(20, 0)),
            "request return as-1001-1")
        try await runner.run(Self.service, .afterSale("as-1001-1", .approve(at: runner.at(20, 5))), "approve as-1001-1")
        try await runner.run(
            Self.warehouse,
            .afterSale(
                "as-1001-1",
                .receiveGoods(
                    warehouse: DemoMall.shanghai, good: [line(DemoMall.teeM, 1)], damaged: [line(DemoMall.teeM, 1)],
                    at: runner.at(20, 40))),
            "receive the tees of as-1001-1")
        let refund = try pricePaid(for: tees, on: "o-1001")
        try await runner.run(
            Self.service, .refundAfterSale("as-1001-1", payment: "pay-1001-1", amount: refund, at: runner.at(20, 45)),
            "refund as-1001-1")
        try await runner.run(Self.service, .afterSale("as-1001-1", .close(at: runner.at(20, 50))), "close as-1001-1")
        runner.note(
            "return as-1001-1: 1 tee restocked, 1 written off as damaged, \(DemoFormat.money(refund)) refunded to Alipay"
        )
        try await runner.run(
            Self.carrier,
            .shipment("sh-1004-1", .recordTransit(location: "Hangzhou sorting centre", at: runner.at(21, 0))),
            "transit of sh-1004-1")
        runner.note("o-1004's jacket reaches the Hangzhou sorting centre")
    }

    /// What the order paid for `lines` at its unit prices, which is what a return may refund.
    private func pricePaid(for lines: [LineQuantity], on order: OrderID) throws -> Money {
        guard let placement = try runner.engine.order(order)?.order.placement else {
            throw CommandFailure("demo check failed: \(order) was never placed")
        }
        var total = Money.zero(placement.totalDue.currency)
        for returned in lines {
            guard let paid = placement.lines.first(where: { $0.sku == returned.sku }) else {
                throw CommandFailure("demo check failed: \(order) has no line of \(returned.sku)")
            }
            total = try total.adding(try paid.unitPrice.multiplied(by: returned.quantity))
        }
        return total
    }
}
