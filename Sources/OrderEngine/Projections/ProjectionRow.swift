import EventLog

/// One entry a projection stores: the unit both the inline writer and a full rebuild produce, so
/// "the stored projections equal a replay" compares like with like.
struct ProjectionRow: Hashable {
    var table: String
    var key: [UInt8]
    var value: [UInt8]
}

extension LMDBTableWriter {
    mutating func put(_ row: ProjectionRow, into table: LMDBTable) throws {
        precondition(row.table == table.name)
        try row.key.withUnsafeBytes { key in
            try row.value.withUnsafeBytes { try put(table, key: key, value: $0) }
        }
    }
}
