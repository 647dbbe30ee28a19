import Foundation
import Testing

@testable import OrderEngine

@Suite struct SnapshotPayloadTests {
    /// Every kind of aggregate, from the sample events, so each table of the payload has rows.
    private static var states: DomainStates {
        var states = DomainStates()
        states.apply(EventSamples.all)
        return states
    }

    @Test func handWrittenBytesEqualTheGenericEncoding() throws {
        let states = Self.states
        #expect(!states.orders.isEmpty && !states.members.isEmpty && !states.catalogs.isEmpty)
        let generic = try BinaryEncoder(limits: .snapshot).encode(SnapshotPayload(states))
        #expect(try SnapshotPayload.bytes(of: states) == generic)
    }

    /// A hot SKU's open holds are written sorted by order id, as the generic encoder sorts a
    /// dictionary's keys, whatever the table's own order.
    @Test func aStockItemsManyHoldsHaveTheGenericBytes() throws {
        var states = Self.states
        let item = StockItemID(sku: "hot", warehouse: "w1")
        let at = Timestamp(microsecondsSince1970: 1_000)
        states.apply(.stock(item, .received(quantity: 500, at: at)))
        for number in (0..<300).reversed() {
            states.apply(.stock(item, .reserved(order: try OrderID("o-\(number)"), quantity: 1, backordered: 0, expiresAt: at, at: at)))
        }
        states.apply(.stock(item, .reservationCommitted(order: "o-7", quantity: 1, at: at)))
        #expect(states.stock(item).reservations.count == 300)
        #expect(try states.stock(item).binaryBytes() == BinaryEncoder().encode(states.stock(item)))
        let generic = try BinaryEncoder(limits: .snapshot).encode(SnapshotPayload(states))
        #expect(try SnapshotPayload.bytes(of: states) == generic)
    }

    @Test func handWrittenBytesDecodeToTheSameStates() throws {
        let states = Self.states
        let bytes = try SnapshotPayload.bytes(of: states)
        let decoded = try BinaryDecoder(limits: .snapshot).decode(SnapshotPayload.self, from: bytes).states()
        #expect(decoded == states)
    }
}
