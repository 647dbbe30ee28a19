import Foundation
import Logging
import OrderEngine
import Testing

/// The README's embedding example, kept compiling and true.
@Suite("README engine example")
struct ReadmeEngineExampleTests {
    @Test
    func embeddingExampleRunsAsWritten() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let engine = try OrderEngine(path: directory, logger: Logger(label: "shop"))
        let now = Timestamp(microsecondsSince1970: 1_767_225_600_000_000)
        let tee = SKUDefinition(id: "tee-m", title: "Tee, M", price: Money(minorUnits: 9_900, currency: .cny), categoryPath: ["apparel"])
        for command: DomainCommand in [
            .catalog("tee-m", .register(tee, at: now)),
            .catalog("tee-m", .list(at: now)),
            .stock(StockItemID(sku: "tee-m", warehouse: "sh"), .receive(quantity: 100, at: now)),
            .member("m1", .register(MemberProfile(displayName: "Li Lei"), at: now)),
        ] {
            _ = try await engine.execute(EngineCommand(actor: "staff:alice", command: command))
        }
        let address = PostalAddress(recipient: "Li Lei", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000")
        let place = PlaceOrder(order: "o1", member: "m1", lines: [LineQuantity(sku: "tee-m", quantity: 2)], shippingAddress: address, coupon: nil, pointsToRedeem: 0, at: now)
        switch await engine.execute(contentsOf: [EngineCommand(actor: "member:m1", command: .placeOrder(place))])[0] {
        case .success(let outcome): print(outcome.events.map(\.typeName))  // order.placed, stock.reserved, …
        case .failure(.refused(let refusal)): print(refusal.code)  // e.g. insufficient_stock
        case .failure(let error): throw error  // storage full, closed, …
        }
        print(try engine.order("o1")?.order.status as Any, try engine.stock(sku: "tee-m").total.available)
        #expect(try engine.order("o1")?.order.status == .awaitingPayment)
        #expect(try engine.stock(sku: "tee-m").total.available == 98)
        engine.close()
    }
}
