import Benchmark
import OrderEngine

/// Encoding and decoding single events through `EventCodec`, as the sequencer writes them and a
/// replay reads them: the hottest stock event and the largest order event. Each iteration
/// handles `eventsPerIteration` events, so per-event numbers are the reported ones divided by it.
enum CodecBenchmarks {
    static let eventsPerIteration = 1_000
    static let codec = EventCodec()

    static let stockReserved = DomainEvent.stock(
        StockItemID(sku: "shirt-red-xl", warehouse: "hz-1"),
        .reserved(order: "o-1001", quantity: 2, backordered: 1, expiresAt: at(1_810), at: at(10)))

    static let orderPlaced = DomainEvent.order(
        "o-1001",
        .placed(
            OrderPlacement(
                order: "o-1001", member: "m-42",
                lines: [
                    OrderLine(sku: "shirt-red-xl", quantity: 2, unitPrice: cny(9_900)),
                    OrderLine(sku: "hat-blue", quantity: 1, unitPrice: cny(5_000)),
                ],
                shippingAddress: PostalAddress(
                    recipient: "李雷", phone: "13800000000", region: "浙江", city: "杭州", street: "西湖路 1 号",
                    postalCode: "310000"),
                coupon: "SPRING10", subtotal: cny(24_800), couponDiscount: cny(2_480), pointsRedeemed: 300,
                pointsDiscount: cny(300), totalDue: cny(22_020),
                allocations: [
                    StockAllocation(item: StockItemID(sku: "shirt-red-xl", warehouse: "hz-1"), quantity: 2, backordered: 1),
                    StockAllocation(item: StockItemID(sku: "hat-blue", warehouse: "hz-1"), quantity: 1, backordered: 0),
                ],
                placedAt: at(10), paymentDueAt: at(1_810))))

    static func register() {
        for (name, event) in [("stock.reserved", stockReserved), ("order.placed", orderPlaced)] {
            registerEncode(name, event)
            registerDecode(name, event)
        }
    }

    private static func registerEncode(_ name: String, _ event: DomainEvent) {
        Benchmark("Codec/encode/\(name)") { benchmark in
            var byteCount = 0
            benchmark.measureEventsSynchronously(eventsPerIteration) {
                for _ in 0..<eventsPerIteration { byteCount &+= codec.encode(event).payload.count }
            }
            Benchmark.blackHole(byteCount)
        }
    }

    private static func registerDecode(_ name: String, _ event: DomainEvent) {
        let (eventType, schemaVersion, payload) = codec.encode(event)
        Benchmark("Codec/decode/\(name)") { benchmark in
            let decoded = try benchmark.measureEventsSynchronously(eventsPerIteration) {
                var last: DomainEvent?
                for _ in 0..<eventsPerIteration {
                    last = try codec.decode(eventType: eventType, schemaVersion: schemaVersion, payload: payload)
                }
                return last
            }
            precondition(decoded == event)
        }
    }

    private static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(microsecondsSince1970: 1_700_000_000_000_000 + seconds * 1_000_000)
    }

    private static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }
}
