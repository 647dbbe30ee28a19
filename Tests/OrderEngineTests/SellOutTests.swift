import Foundation
import Testing

@testable import OrderEngine

/// A peak sale's promises: never more sold than stocked, however many buyers race, and a
/// refusal that stays right after a restart, because it is answered only once everything it
/// was decided against is durable.
@Suite struct SellOutTests {
    @Test func racingBuyersNeverOversellAndEveryRefusalOutlivesARestart() async throws {
        let fixture = try EngineFixture(durability: .full)
        try await fixture.stockHotSKU(units: 50, members: 10)
        let commands = try (0..<400).map { index in
            EngineCommand(actor: "member:m\(index % 10)", command: try fixture.placeOrder("o\(index)", member: index % 10))
        }
        let engine = fixture.engine
        let refused = await withTaskGroup(of: OrderID?.self) { group in
            for command in commands {
                group.addTask {
                    guard case .placeOrder(let place) = command.command else { return nil }
                    do {
                        _ = try await engine.execute(command)
                        return nil
                    } catch EngineError.refused(let refusal) {
                        return refusal.code == .insufficientStock ? place.order : nil
                    } catch {
                        return nil
                    }
                }
            }
            var refused: [OrderID] = []
            for await order in group { if let order { refused.append(order) } }
            return refused
        }
        #expect(refused.count == 350)
        try fixture.reopen()
        let stock = try fixture.engine.stock(sku: "hot").total
        #expect(stock.available == 0 && stock.reserved == 50)
        for order in refused { #expect(try fixture.engine.order(order) == nil) }
        let late = EngineCommand(actor: "member:m0", command: try fixture.placeOrder("late", member: 0))
        await #expect(throws: EngineError.self) { try await fixture.engine.execute(late) }
    }
}
