import EventLog
import Foundation
import OrderDomain

/// What a full replay found.
public struct ReplayReport: Sendable, Hashable {
    /// Events folded.
    public var events: UInt64
    public var seconds: Double
    public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
    /// Whether the stored projections equal the replay's; nil when the replay stopped before the
    /// log's end, since stored projections describe the end.
    public var matchesStoredProjections: Bool?
    /// The first difference found, when they do not match.
    public var firstDifference: String?
}

/// Audits of a log against the engine's projections: replay everything and compare. Works on a
/// log opened read-only, beside a running engine.
public enum ProjectionAudit {
    /// Folds the log from its start through `endPosition` (its end when nil), rebuilds every
    /// inline projection from the result, and compares them with the stored ones.
    public static func replay(_ log: LMDBEventLog, through endPosition: UInt64? = nil) throws -> ReplayReport {
        let lastPosition = try log.lastPosition()
        let target = min(endPosition ?? lastPosition, lastPosition)
        let start = ContinuousClock.now
        let states = try EventReplay.statesDecodingAhead(from: log, through: target, codec: EventCodec())
        var report = ReplayReport(events: target, seconds: (ContinuousClock.now - start).secondsDouble)
        if target == lastPosition {
            report.firstDifference = try firstDifference(log, states: states)
            report.matchesStoredProjections = report.firstDifference == nil
        }
        return report
    }

    /// The log's own checks, then that the stored projections equal a fresh replay.
    public static func verify(_ log: LMDBEventLog) throws -> VerificationReport {
        var report = try log.verify()
        guard report.ok else { return report }
        let replay = try replay(log)
        if replay.matchesStoredProjections != true {
            report.ok = false
            report.problem = "stored projections differ from a replay: \(replay.firstDifference ?? "unknown")"
        }
        return report
    }

    /// Compares `expected` with every stored row of the projection tables.
    static func firstDifference(_ log: LMDBEventLog, expected: [ProjectionRow]) throws -> String? {
        var expectedByTable = Dictionary(grouping: expected, by: \.table).mapValues { rows in
            Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.value) })
        }
        let names = [
            InventoryProjection.itemTableName, InventoryProjection.skuTableName, OrderStatusProjection.tableName,
            MemberProjection.memberTableName, MemberProjection.orderTableName,
        ]
        for name in names {
            let rows = try StoredRows(log, table: name)
            var remaining = expectedByTable.removeValue(forKey: name) ?? [:]
            var difference: String?
            try log.withSnapshot { reader in
                try rows.forEach(reader: reader) { key, value in
                    let key = Array(key)
                    guard let wanted = remaining.removeValue(forKey: key) else {
                        difference = "\(name): stored row \(printable(key)) has no counterpart in the replay"
                        return false
                    }
                    if wanted != Array(value) {
                        difference = "\(name): row \(printable(key)) differs from the replay"
                        return false
                    }
                    return true
                }
            }
            if let difference { return difference }
            if let missing = remaining.keys.first {
                return "\(name): row \(printable(missing)) of the replay is not stored"
            }
        }
        return nil
    }

    private static func printable(_ key: [UInt8]) -> String {
        String(decoding: key.map { $0 < 0x20 || $0 > 0x7E ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
    }
}
