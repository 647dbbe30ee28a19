import EventLog

extension ProjectionAudit {
    /// Rewrites every inline projection from a replay of the whole log, in one transaction: a
    /// rebuild that is killed midway leaves the old rows whole, and one that finishes leaves
    /// projections equal to a replay. Returns the position replayed through. The log must be open
    /// for writing, which also keeps any engine off it while the rebuild runs.
    public static func rebuild(_ log: LMDBEventLog) throws -> UInt64 {
        precondition(!log.options.readOnly, "a rebuild writes the projection tables")
        let projections = try InlineProjections(log: log)
        let lastPosition = try log.lastPosition()
        let states = try EventReplay.statesDecodingAhead(from: log, through: lastPosition, codec: EventCodec())
        let rowsByTable = Dictionary(grouping: try InlineProjections.allRows(states), by: \.table)
        _ = try log.commit([]) { _, writer in
            for table in projections.tables {
                try clear(table, in: &writer)
                for row in rowsByTable[table.name] ?? [] { try writer.put(row, into: table) }
            }
        }
        return lastPosition
    }

    private static func clear(_ table: LMDBTable, in writer: inout LMDBTableWriter) throws {
        var keys: [[UInt8]] = []
        try writer.reader.forEach(table, from: nil) { key, _ in
            keys.append(Array(key))
            return true
        }
        for key in keys {
            try key.withUnsafeBytes { try writer.delete(table, key: $0) }
        }
    }
}
