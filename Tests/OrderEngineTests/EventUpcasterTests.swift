import OrderDomain
import OrderEngine
import Testing

/// Version 1 of `stock.reserved` as it would have been before `backordered` was added:
/// a copy of the old shape, kept only to read old payloads.
enum StockEventVersion1: Codable, Sendable {
    case reserved(order: OrderID, quantity: Int64, expiresAt: Timestamp, at: Timestamp)
}

struct StockPayloadVersion1: Codable, Sendable {
    let id: StockItemID
    let event: StockEventVersion1
}

struct StockPayload: Codable, Sendable {
    let id: StockItemID
    let event: StockEvent
}

@Suite struct EventUpcasterTests {
    /// A codec in which `stock.reserved` is at version 2, as if `backordered` had been added later.
    let codec = EventCodec(
        schemaVersions: [205: 2],
        upcasters: [
            .mapping(eventType: 205, fromVersion: 1, from: StockPayloadVersion1.self) { old in
                switch old.event {
                case .reserved(let order, let quantity, let expiresAt, let at):
                    StockPayload(
                        id: old.id,
                        event: .reserved(order: order, quantity: quantity, backordered: 0, expiresAt: expiresAt, at: at))
                }
            }
        ])

    let item = StockItemID(sku: "shirt", warehouse: "w1")

    @Test func readsAnOldVersionThroughItsUpcaster() throws {
        let old = StockPayloadVersion1(
            id: item, event: .reserved(order: "o1", quantity: 3, expiresAt: EventSamples.at(60), at: EventSamples.at(0)))
        let oldPayload = try BinaryEncoder().encode(old)
        let decoded = try codec.decode(eventType: 205, schemaVersion: 1, payload: oldPayload)
        #expect(
            decoded
                == .stock(
                    item,
                    .reserved(
                        order: "o1", quantity: 3, backordered: 0, expiresAt: EventSamples.at(60), at: EventSamples.at(0))
                ))
    }

    @Test func writesAndReadsTheCurrentVersion() throws {
        let event = EventSamples.stockReserved
        let (tag, version, payload) = codec.encode(event)
        #expect(tag == 205 && version == 2)
        #expect(payload == EventCodec().encode(event).payload)
        #expect(try codec.decode(eventType: tag, schemaVersion: version, payload: payload) == event)
        #expect(codec.encode(EventSamples.orderPlaced).schemaVersion == 1)
    }

    @Test func refusesVersionsNoUpcasterReaches() {
        #expect(throws: EventCodecError.unsupportedSchemaVersion(eventType: 205, schemaVersion: 3)) {
            try codec.decode(eventType: 205, schemaVersion: 3, payload: [])
        }
        #expect(throws: EventCodecError.unsupportedSchemaVersion(eventType: 205, schemaVersion: 0)) {
            try codec.decode(eventType: 205, schemaVersion: 0, payload: [])
        }
    }

    @Test func refusesACurrentPayloadLabelledAsTheOldVersion() throws {
        let payload = codec.encode(EventSamples.stockReserved).payload
        #expect(throws: EventCodecError.self) { try codec.decode(eventType: 205, schemaVersion: 1, payload: payload) }
    }

    @Test func oldPayloadsOfHostileBytesAreTypedErrors() {
        var random = SeededRandom(seed: 205)
        for _ in 0..<5_000 {
            let bytes = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            _ = try? codec.decode(eventType: 205, schemaVersion: 1, payload: bytes)
        }
    }
}
