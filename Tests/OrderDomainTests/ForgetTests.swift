import OrderDomain
import Testing

/// A writer whose commit fails forgets the aggregates its batch touched and folds their durable
/// events again: the states must then equal those before the batch.
@Suite("Forget and refold")
struct ForgetTests {
    @Test
    func refoldingForgottenAggregatesRestoresTheStatesBeforeABatch() throws {
        var shop = try Shop.stocked()
        let before = shop.states
        let durable = shop.log
        var batch: [DomainEvent] = []
        let commands: [DomainCommand] = [
            shop.place("o1", [LineQuantity(sku: "shirt", quantity: 12)], coupon: "TENOFF", points: 100),
            .stock(StockItemID(sku: "cap", warehouse: "w9"), .receive(quantity: 4, at: at(20))),
            shop.place("o2", [LineQuantity(sku: "hat", quantity: 1)], member: "m2"),
        ]
        for command in commands {
            let events = try Domain.decide(command, shop.states, shop.policy)
            shop.states.apply(events)
            batch += events
        }
        #expect(shop.states != before)
        let touched = Set(batch.map(\.aggregate))
        for aggregate in touched { shop.states.forget(aggregate) }
        shop.states.apply(durable.filter { touched.contains($0.aggregate) })
        #expect(shop.states == before)
    }
}
