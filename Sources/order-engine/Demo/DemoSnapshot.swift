import OrderEngine

/// The views the demo prints at the end of the day, read through the engine's queries.
struct DemoSnapshot {
    struct SKURow {
        let definition: SKUDefinition
        let stock: SKUStock
    }

    struct MemberRow {
        let id: MemberID
        let state: MemberState
        let orders: [OrderID]
    }

    /// SKUs at or below this many available units are listed as low stock.
    static let lowStockThreshold: Int64 = 3

    let skus: [SKURow]
    let orders: [OrderView]
    let members: [MemberRow]
    let lowStock: [(sku: SKUID, counts: StockCounts)]
    let timeline: [DemoStep]
    let tally: DemoTally
    let verification: VerificationReport

    init(_ runner: DemoRunner) throws {
        let engine = runner.engine
        skus = try DemoMall.skus.map { SKURow(definition: $0, stock: try engine.stock(sku: $0.id)) }
        var members: [MemberRow] = []
        var orders: [OrderView] = []
        for shopper in DemoMall.shoppers {
            guard let state = try engine.member(shopper.id) else {
                throw CommandFailure("demo check failed: member \(shopper.id) is missing")
            }
            let owned = try Self.allOrders(of: shopper.id, engine)
            members.append(MemberRow(id: shopper.id, state: state, orders: owned.map(\.id).sorted()))
            orders += owned
        }
        self.members = members
        self.orders = orders.sorted { $0.id < $1.id }
        lowStock = try engine.lowStock(threshold: Self.lowStockThreshold)
        timeline = runner.timeline
        tally = runner.tally
        verification = try engine.log.verify()
    }

    /// Every order of a member, following the pages' cursors.
    private static func allOrders(of member: MemberID, _ engine: OrderEngine) throws -> [OrderView] {
        var views: [OrderView] = []
        var cursor: String?
        repeat {
            let page = try engine.orders(of: member, after: cursor, limit: 50)
            views += page.orders
            cursor = page.nextCursor
        } while cursor != nil
        return views
    }

    func memberName(_ id: MemberID?) -> String {
        guard let id else { return "?" }
        return members.first { $0.id == id }?.state.profile?.displayName ?? id.rawValue
    }

    /// Every after-sale case of every order, by id.
    var afterSales: [(id: AfterSaleID, state: AfterSaleState)] {
        orders.flatMap { view in view.afterSales.map { (id: $0.key, state: $0.value) } }.sorted { $0.id < $1.id }
    }
}
