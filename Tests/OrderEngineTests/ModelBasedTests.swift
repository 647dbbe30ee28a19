import Foundation
import OrderDomain
import OrderEngine
import Testing

/// Random concurrent command streams against the engine and against `ShopModel`, a plain
/// reference of the same rules for stock, placement and cancellation. Clients run at once, each
/// awaiting its own commands in turn, so the engine picks the interleaving; the log's positions
/// say which one it picked for accepted commands, and each refusal must be what the model says
/// at some moment between its client's neighbouring commands. Then the views must be equal.
@Suite("Model-based")
struct ModelBasedTests {
    static let skus: [SKUID] = ["hot", "warm", "cold"]
    static let unitsAtStart: Int64 = 10

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func engineAgreesWithTheReferenceModelUnderConcurrentClients(seed: UInt64) async throws {
        let fixture = try EngineFixture()
        var model = ShopModel()
        try await fixture.run(.member("m0", .register(MemberProfile(displayName: "Member"), at: fixture.now)))
        for sku in Self.skus {
            let definition = SKUDefinition(id: sku, title: "\(sku)", price: Money(minorUnits: 100, currency: .cny), categoryPath: ["x"])
            try await fixture.run(.catalog(sku, .register(definition, at: fixture.now)))
            try await fixture.run(.catalog(sku, .list(at: fixture.now)))
            try await fixture.run(.stock(StockItemID(sku: sku, warehouse: "w1"), .receive(quantity: Self.unitsAtStart, at: fixture.now)))
            model.onHand[sku] = Self.unitsAtStart
        }
        let clients = (0..<6).map { ModelClient(index: $0, seed: seed &* 31 &+ UInt64($0), engine: fixture.engine, now: fixture.now) }
        let histories = await withTaskGroup(of: [ModelStep].self) { group in
            for client in clients { group.addTask { await client.run(steps: 40) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        try ModelCheck(histories: histories, start: model).check()
        let final = ModelCheck(histories: histories, start: model).finalModel()
        for sku in Self.skus {
            let counts = try fixture.engine.stock(sku: sku).total
            #expect(counts.onHand == final.onHand[sku], "\(sku) on hand")
            #expect(counts.reserved == final.reserved[sku, default: 0], "\(sku) reserved")
        }
        for step in histories.joined() {
            guard case .place(let order, _, _) = step.action else { continue }
            #expect(try fixture.engine.order(order)?.order.status == final.orders[order]?.status, "\(order)")
        }
    }
}

/// The rules the model knows: one warehouse per SKU, no backorders, unpaid orders only.
struct ShopModel {
    struct Order {
        var sku: SKUID
        var quantity: Int64
        var status: OrderStatus
    }

    var onHand: [SKUID: Int64] = [:]
    var reserved: [SKUID: Int64] = [:]
    var orders: [OrderID: Order] = [:]

    /// What the rules say of `action`: nil when accepted (and applied), else the refusal code.
    mutating func apply(_ action: ModelAction) -> RefusalCode? {
        switch action {
        case .receive(let sku, let quantity):
            onHand[sku, default: 0] += quantity
        case .place(let order, let sku, let quantity):
            guard orders[order] == nil else { return .alreadyExists }
            guard onHand[sku, default: 0] - reserved[sku, default: 0] >= quantity else { return .insufficientStock }
            reserved[sku, default: 0] += quantity
            orders[order] = Order(sku: sku, quantity: quantity, status: .awaitingPayment)
        case .cancel(let order):
            guard let placed = orders[order] else { return .notFound }
            guard placed.status == .awaitingPayment else { return .invalidTransition }
            reserved[placed.sku, default: 0] -= placed.quantity
            orders[order]?.status = .cancelled
        }
        return nil
    }
}

enum ModelAction: Sendable {
    case receive(SKUID, Int64)
    case place(OrderID, SKUID, Int64)
    case cancel(OrderID)
}

/// One command a client sent and what the engine answered: its log position when it wrote
/// events, else the refusal code (nil for accepted without a write).
struct ModelStep: Sendable {
    var client: Int
    var action: ModelAction
    var position: UInt64?
    var refusal: RefusalCode?
}

/// One client: a seeded random stream of commands, each awaited before the next.
struct ModelClient: Sendable {
    let index: Int
    let seed: UInt64
    let engine: OrderEngine
    let now: Timestamp

    func run(steps: Int) async -> [ModelStep] {
        var random = SplitMix(seed: seed)
        var placed: [OrderID] = []
        var history: [ModelStep] = []
        for step in 0..<steps {
            let sku = ModelBasedTests.skus[random.below(ModelBasedTests.skus.count)]
            let action: ModelAction
            switch random.below(20) {
            case 0..<12:
                let order = try! OrderID("o-\(index)-\(step)")
                placed.append(order)
                action = .place(order, sku, Int64(random.below(4) + 1))
            case 12..<17 where !placed.isEmpty:
                action = .cancel(placed[random.below(placed.count)])
            default:
                action = .receive(sku, Int64(random.below(3) + 1))
            }
            history.append(await send(action))
        }
        return history
    }

    private func send(_ action: ModelAction) async -> ModelStep {
        let command: DomainCommand
        switch action {
        case .receive(let sku, let quantity):
            command = .stock(StockItemID(sku: sku, warehouse: "w1"), .receive(quantity: quantity, at: now))
        case .place(let order, let sku, let quantity):
            command = .placeOrder(
                PlaceOrder(
                    order: order, member: "m0", lines: [LineQuantity(sku: sku, quantity: quantity)],
                    shippingAddress: PostalAddress(
                        recipient: "M", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road",
                        postalCode: "200000"),
                    coupon: nil, at: now))
        case .cancel(let order):
            command = .cancelOrder(order, reason: "changed my mind", at: now)
        }
        let result = await engine.execute(contentsOf: [EngineCommand(actor: "member:m0", command: command)])[0]
        var step = ModelStep(client: index, action: action)
        switch result {
        case .success(let outcome): step.position = outcome.positions.isEmpty ? nil : outcome.positions.lowerBound
        case .failure(.refused(let refusal)): step.refusal = refusal.code
        case .failure(let error): Issue.record("the engine failed a command: \(error)")
        }
        return step
    }
}

/// Checks that the engine's answers are those of the model run in one order the engine could
/// have taken: accepted commands in log order, each refusal somewhere between its client's
/// neighbouring accepted commands.
struct ModelCheck {
    let histories: [[ModelStep]]
    let start: ShopModel

    var accepted: [ModelStep] {
        histories.joined().filter { $0.position != nil }.sorted { $0.position! < $1.position! }
    }

    func finalModel() -> ShopModel {
        var model = start
        for step in accepted { _ = model.apply(step.action) }
        return model
    }

    func check() throws {
        var models = [start]
        for step in accepted {
            var model = models.last!
            let refusal = model.apply(step.action)
            #expect(refusal == nil, "the engine accepted \(step.action) at \(step.position!) but the model refuses it: \(String(describing: refusal))")
            models.append(model)
        }
        let positions = accepted.map { $0.position! }
        for history in histories {
            for (index, step) in history.enumerated() where step.position == nil {
                let before = history[..<index].compactMap(\.position).max() ?? 0
                let after = history[(index + 1)...].compactMap(\.position).min() ?? .max
                let first = positions.firstIndex { $0 > before } ?? positions.count
                let last = positions.firstIndex { $0 >= after } ?? positions.count
                let agrees = models[first...last].contains { model in
                    var copy = model
                    return copy.apply(step.action) == step.refusal
                }
                #expect(agrees, "client \(step.client) got \(String(describing: step.refusal)) for \(step.action); the model never says so between positions \(before) and \(after)")
            }
        }
    }
}

/// A small seeded generator, so a failing stream can be replayed.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
