import OrderEngine

/// The scripted day: the mall opens, the Singles' Day rush buys, parcels go out, one order expires
/// unpaid, and the evening brings an exchange and a return.
///
/// Scenes run in time order; each moves the clock forward and checks every answer. Amounts the
/// script needs come from the outcomes of its own commands, which a second run gets back unchanged.
struct DemoScript {
    let runner: DemoRunner

    static let merchandiser = "staff:merch"
    static let warehouse = "staff:warehouse"
    static let service = "staff:service"
    static let payments = "system:payments"
    static let carrier = "carrier:sf-express"

    func run() async throws {
        try await openTheMall()
        try await morningRush()
        try await firstParcels()
        try await theLastJacket()
        try await afternoonDeliveries()
        try await exchange()
        try await returnWithRefund()
        try await checkTheDay()
    }

    private func openTheMall() async throws {
        var now = runner.at(9, 0)
        for sku in DemoMall.skus {
            try await runner.run(Self.merchandiser, .catalog(sku.id, .register(sku, at: now)), "register \(sku.id)")
            try await runner.run(Self.merchandiser, .catalog(sku.id, .list(at: now)), "list \(sku.id)")
        }
        runner.note("catalog: \(DemoMall.skus.count) SKUs registered and listed")
        now = runner.at(9, 5)
        for (item, quantity) in DemoMall.openingStock {
            try await runner.run(Self.warehouse, .stock(item, .receive(quantity: quantity, at: now)), "receive \(item)")
        }
        runner.note("warehouses: opening stock received in \(DemoMall.beijing) and \(DemoMall.shanghai)")
        now = runner.at(9, 10)
        for coupon in DemoMall.coupons {
            try await runner.run(Self.merchandiser, .defineCoupon(coupon, at: now), "define coupon \(coupon.code)")
        }
        runner.note("coupons: SINGLES50 (50.00 off from 299.00) and TOPS10 (10% off tops from 150.00)")
        now = runner.at(9, 15)
        for shopper in DemoMall.shoppers {
            let actor = "member:\(shopper.id)"
            try await runner.run(
                actor, .member(shopper.id, .register(shopper.profile, at: now)), "register \(shopper.id)")
            try await runner.run(
                actor, .member(shopper.id, .addAddress("home", shopper.address, at: now)), "address of \(shopper.id)")
        }
        try await runner.run(
            Self.service,
            .member(
                DemoMall.chenJie, .addStoreCredit(DemoMall.yuan(30_000), reason: "late parcel in October", at: now)),
            "store credit for \(DemoMall.chenJie)")
        runner.note("members: \(DemoMall.shoppers.count) registered with addresses; Chen Jie gets 300.00 store credit")
    }

    /// Checks the day's end state, so a script that drifts from the domain fails loudly.
    private func checkTheDay() async throws {
        let expected: [(OrderID, OrderStatus)] = [
            ("o-1001", .completed), ("o-1003", .completed), ("o-1004", .shipped), ("o-1005", .delivered),
            ("o-1006", .expired), ("o-1008", .paid),
        ]
        for (id, status) in expected {
            let found = try runner.engine.order(id)?.order.status
            try runner.expect(found == status, "\(id) is \(found?.rawValue ?? "missing"), expected \(status.rawValue)")
        }
        for refused: OrderID in ["o-1002", "o-1007"] {
            try runner.expect(try runner.engine.order(refused) == nil, "refused order \(refused) left a trace")
        }
        let jacket = try runner.engine.stock(sku: DemoMall.downJacket)
        try runner.expect(jacket.total.available == 0, "no down jacket should be left, \(jacket.total.available) are")
    }
}
