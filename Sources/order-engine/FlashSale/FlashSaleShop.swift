import Foundation
import OrderEngine

/// The shop a flash sale runs in: SKUs `flash-0...`, one warehouse, members `buyer-0...`, and
/// the commands a buyer sends. Ids are built once, so a buyer's loop only formats its order number.
struct FlashSaleShop: Sendable {
    static let warehouse: WarehouseID = "wh-flash"
    static let staff = "staff:flash-sale"
    static let price = Money(minorUnits: 9_900, currency: .cny)
    static let address = PostalAddress(
        recipient: "Buyer", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Century Avenue",
        postalCode: "200120")

    let settings: FlashSaleSettings
    let skus: [SKUID]
    let items: [StockItemID]
    let members: [MemberID]
    let memberActors: [String]
    let now: Timestamp

    init(settings: FlashSaleSettings, now: Timestamp) throws {
        self.settings = settings
        self.now = now
        skus = try (0..<settings.skuCount).map { try SKUID("flash-\($0)") }
        items = skus.map { StockItemID(sku: $0, warehouse: Self.warehouse) }
        members = try (0..<settings.memberCount).map { try MemberID("buyer-\($0)") }
        memberActors = members.map { "member:\($0)" }
    }

    /// Registers and lists every SKU, receives its stock and registers every member.
    func open(_ engine: OrderEngine) async throws {
        var setup: [DomainCommand] = []
        for (sku, item) in zip(skus, items) {
            let definition = SKUDefinition(id: sku, title: "Flash \(sku)", price: Self.price, categoryPath: ["flash"])
            setup.append(.catalog(sku, .register(definition, at: now)))
            setup.append(.catalog(sku, .list(at: now)))
            setup.append(.stock(item, .receive(quantity: Int64(settings.stockPerSKU), at: now)))
        }
        for member in members {
            setup.append(.member(member, .register(MemberProfile(displayName: "Buyer \(member)"), at: now)))
        }
        for start in stride(from: 0, to: setup.count, by: 4_096) {
            let chunk = setup[start..<min(start + 4_096, setup.count)].map { EngineCommand(actor: Self.staff, command: $0) }
            for result in await engine.execute(contentsOf: chunk) {
                if case .failure(let error) = result { throw CommandFailure("flash-sale setup failed: \(error)") }
            }
        }
    }

    static func orderID(_ number: Int) throws -> OrderID { try OrderID("o-\(number)") }

    /// A random (version 4) command id from the buyer's own generator: `UUID()` asks the kernel
    /// for entropy on every call, which at a million orders a second is the load generator's
    /// largest cost.
    static func commandID(_ random: inout SplitMix64Generator) -> UUID {
        var bytes = (random.next(), random.next())
        bytes.0 = (bytes.0 & ~0xF000) | 0x4000
        bytes.1 = (bytes.1 & ~0xC0) | 0x80
        return withUnsafeBytes(of: &bytes) { UUID(uuid: $0.load(as: uuid_t.self)) }
    }

    /// Order `number`: one line of one unit of SKU `sku`, as member `member`.
    func placeOrder(_ number: Int, sku: Int, member: Int, id: UUID) throws -> EngineCommand {
        let place = PlaceOrder(
            order: try Self.orderID(number), member: members[member], lines: [LineQuantity(sku: skus[sku], quantity: 1)],
            shippingAddress: Self.address, at: now)
        return EngineCommand(id: id, actor: memberActors[member], command: .placeOrder(place))
    }

    /// What follows an accepted order on the full path: authorize and capture its total, then
    /// create, hand over and ship its parcel.
    func payAndShip(_ number: Int, sku: Int, member: Int, total: Money) throws -> [EngineCommand] {
        let order = try Self.orderID(number)
        let payment = try PaymentID("pay-\(number)")
        let parcel = try ShipmentID("sh-\(number)")
        let buyer = memberActors[member]
        return [
            EngineCommand(actor: buyer, command: .authorizePayment(payment, order: order, method: .alipay, amount: total, at: now)),
            EngineCommand(actor: "system:payments", command: .payment(payment, .capture(amount: total, at: now))),
            EngineCommand(
                actor: Self.staff,
                command: .createShipment(
                    parcel, order: order, warehouse: Self.warehouse, lines: [LineQuantity(sku: skus[sku], quantity: 1)], at: now)),
            EngineCommand(
                actor: Self.staff,
                command: .shipment(parcel, .assignCarrier(carrier: "SF Express", trackingNumber: "SF\(number)", at: now))),
            EngineCommand(actor: Self.staff, command: .shipment(parcel, .markShipped(at: now))),
        ]
    }
}
