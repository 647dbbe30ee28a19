import EventLog
import OrderDomain

/// The sales projection's one LMDB table: daily aggregates, per-SKU daily aggregates and the
/// checkpoint, so a batch's aggregates and the position they reach commit together.
struct SalesTable {
    static let name = "sales"

    let table: LMDBTable

    init(log: LMDBEventLog) throws {
        table = try log.table(named: Self.name)
    }

    /// The last position folded in, 0 before the first batch.
    func checkpoint(reader: LMDBTableReader) throws -> UInt64 {
        try SalesKey.checkpoint.withUnsafeBytes { key in
            guard let bytes = try reader.get(table, key: key) else { return 0 }
            guard bytes.count == 8 else { throw SalesError.damagedEntry(problem: "a checkpoint of \(bytes.count) bytes") }
            return UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        }
    }

    /// Adds `fold` to the stored aggregates and moves the checkpoint to `position`. It reads what
    /// the transaction holds, so running it again after an aborted attempt writes the same bytes.
    func merge(_ fold: SalesFold, checkpoint position: UInt64, into writer: inout LMDBTableWriter) throws {
        for (key, delta) in fold.days { try add(delta, at: key, into: &writer) }
        for (key, delta) in fold.skus { try add(delta, at: key, into: &writer) }
        try SalesKey.checkpoint.withUnsafeBytes { key in
            try withUnsafeBytes(of: position.littleEndian) { try writer.put(table, key: key, value: $0) }
        }
    }

    private func add(_ delta: SalesCounts, at key: SalesKey, into writer: inout LMDBTableWriter) throws {
        try key.bytes.withUnsafeBytes { key in
            var counts = try writer.reader.get(table, key: key).map { try SalesCounts(encoded: $0) } ?? SalesCounts()
            counts.add(delta)
            try counts.withEncoded { try writer.put(table, key: key, value: $0) }
        }
    }

    /// Calls `body` for each stored aggregate of `kind` (`SalesKey.dayKind` or `skuKind`) from
    /// `from` through `through`, in key order.
    func forEach(
        _ kind: UInt8, from: SalesDay, through: SalesDay, reader: LMDBTableReader,
        _ body: (SalesKey, SalesCounts) throws -> Void
    ) throws {
        let end = SalesKey.prefix(kind, day: through)
        try SalesKey.prefix(kind, day: from).withUnsafeBytes { start in
            try reader.forEach(table, from: start) { key, value in
                guard key.count >= end.count, !end.lexicographicallyPrecedes(key.prefix(end.count)) else { return false }
                try body(SalesKey(decoding: key), SalesCounts(encoded: value))
                return true
            }
        }
    }
}
