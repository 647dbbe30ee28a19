import OrderDomain
import Testing

/// A writer whose commit fails takes its batch back: the states must be exactly as before.
@Suite("Undo")
struct UndoTests {
    @Test
    func undoRestoresEveryStateABatchTouched() throws {
        var shop = try Shop.stocked()
        let before = shop.states
        var undo = DomainUndoLog()
        let commands: [DomainCommand] = [
            shop.place("o1", [LineQuantity(sku: "shirt", quantity: 12)], coupon: "TENOFF", points: 100),
            .stock(StockItemID(sku: "cap", warehouse: "w9"), .receive(quantity: 4, at: at(20))),
            shop.place("o2", [LineQuantity(sku: "hat", quantity: 1)], member: "m2"),
        ]
        for command in commands {
            let events = try Domain.decide(command, shop.states, shop.policy)
            for event in events { shop.states.apply(event, recordingUndoIn: &undo) }
        }
        #expect(!undo.isEmpty)
        #expect(shop.states != before)
        shop.states.undo(&undo)
        #expect(shop.states == before)
        #expect(undo.isEmpty)
    }
}
