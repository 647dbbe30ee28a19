/// A stock item's or a whole SKU's quantities, as the inventory projection stores and serves them.
public struct StockCounts: Sendable, Hashable, Codable {
    public var onHand: Int64 = 0
    public var reserved: Int64 = 0
    public var committed: Int64 = 0
    public var safetyStock: Int64 = 0
    public var damaged: Int64 = 0
    public var incoming: Int64 = 0
    public var backordered: Int64 = 0

    /// Units that can still be promised: on hand less reserved, committed and safety stock.
    public var available: Int64 { onHand - reserved - committed - safetyStock }

    public init() {}

    init(_ state: StockState) {
        onHand = state.onHand
        reserved = state.reserved
        committed = state.committed
        safetyStock = state.safetyStock
        damaged = state.damaged
        incoming = state.incoming
        backordered = state.backordered
    }

    static func + (left: StockCounts, right: StockCounts) -> StockCounts {
        var sum = left
        sum.onHand += right.onHand
        sum.reserved += right.reserved
        sum.committed += right.committed
        sum.safetyStock += right.safetyStock
        sum.damaged += right.damaged
        sum.incoming += right.incoming
        sum.backordered += right.backordered
        return sum
    }

    static let encodedBytes = 7 * 8

    /// Seven little-endian Int64s, in declaration order.
    var encoded: [UInt8] {
        let fields = (
            onHand.littleEndian, reserved.littleEndian, committed.littleEndian, safetyStock.littleEndian,
            damaged.littleEndian, incoming.littleEndian, backordered.littleEndian
        )
        return withUnsafeBytes(of: fields) { Array($0) }
    }

    init?(encoded bytes: UnsafeRawBufferPointer) {
        guard bytes.count == Self.encodedBytes else { return nil }
        func field(_ index: Int) -> Int64 { Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)) }
        onHand = field(0)
        reserved = field(1)
        committed = field(2)
        safetyStock = field(3)
        damaged = field(4)
        incoming = field(5)
        backordered = field(6)
    }
}
