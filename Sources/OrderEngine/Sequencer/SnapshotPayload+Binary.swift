import OrderDomain

extension SnapshotPayload {
    /// The bytes `BinaryEncoder(limits: .snapshot).encode(SnapshotPayload(states))` writes, with
    /// the tables that grow with the shop (stock with its open holds, orders, payments, parcels,
    /// members) written by their hand-written codecs. Through the `Codable` runtime a snapshot of
    /// half a million orders held the writer for seconds, in the middle of a sale, and a hot SKU's
    /// 150,000 open holds took as much CPU as every buyer of the sale.
    static func bytes(of states: DomainStates) throws(EventCodecError) -> [UInt8] {
        var writer = BinaryWriter(limits: .snapshot)
        try writer.appendGeneric(states.catalogs)
        try writer.writeTable(states.stocks)
        try writer.writeTable(states.warehousesBySKU)
        try writer.writeTable(states.orders)
        try writer.writeTable(states.payments)
        try writer.writeTable(states.shipments)
        try writer.writeTable(states.afterSales)
        try writer.writeTable(states.members)
        try writer.appendGeneric(states.coupons)
        return writer.bytes
    }
}

extension BinaryWriter {
    /// A table as `[SnapshotPayload.Entry]`: the count, then each key and value.
    fileprivate mutating func writeTable<Key: BinaryWritable, Value: BinaryWritable>(
        _ table: [Key: Value]
    ) throws(EventCodecError) {
        try writeCount(table.count)
        for (key, value) in table {
            try key.write(to: &self)
            try value.write(to: &self)
        }
    }

    /// A table whose states have no hand-written codec, through `BinaryEncoder`: the format is
    /// not self-describing, so a value's bytes are the same on its own as inside another.
    fileprivate mutating func appendGeneric<Key: Codable & Hashable, Value: Codable>(
        _ table: [Key: Value]
    ) throws(EventCodecError) {
        let entries = table.map { SnapshotPayload.Entry(key: $0.key, value: $0.value) }
        bytes += try BinaryEncoder(limits: limits).encode(entries)
    }
}
