import Foundation
import Histogram
import OrderEngine

/// The figures of one flash-sale run, printed as text or as one JSON line.
struct FlashSaleReport {
    var scenario: FlashSaleScenario
    var settings: FlashSaleSettings
    var durability: LMDBEventLogOptions.Durability
    var tally: BuyerTally
    /// Submit-to-acknowledgement latencies, microseconds, one entry per command.
    var latencies: Histogram<UInt64>
    var seconds: Double
    var batchCount: UInt64
    var commandCount: UInt64
    /// Orders refused on the buyer's own thread, without the sequencer (`EngineStatistics.fastRefusalCount`).
    var fastRefusalCount: UInt64
    var commitCount: UInt64
    var eventCount: UInt64
    var findings: FlashSaleAudit.Findings
    var raw: RawLMDBBaseline.Measurement?
    var sqlite: SQLiteFlashSale.Measurement?
    /// The process's peak resident memory when the buyers finished: the engine under load.
    var loadPeakResidentBytes: Int
    /// The peak at the end, after the checks (a full replay holds a second copy of every state).
    var peakResidentBytes: Int

    var ordersPerSecond: Double { Double(tally.attemptCount) / seconds }
    var eventsPerSecond: Double { Double(eventCount) / seconds }
    var batchSizeMean: Double { batchCount == 0 ? 0 : Double(commandCount) / Double(batchCount) }
    /// Orders the sequencer decided, per batch: how the SQLite baseline batches its orders.
    var ordersPerBatchMean: Double {
        batchCount == 0 ? 1 : Double(tally.attemptCount - Int(fastRefusalCount)) / Double(batchCount)
    }
    var eventsPerCommitMean: Double { commitCount == 0 ? 0 : Double(eventCount) / Double(commitCount) }
    var ratioVersusRawLMDB: Double? { raw.map { eventsPerSecond / $0.recordsPerSecond } }
    var ratioVersusSQLite: Double? { sqlite.map { ordersPerSecond / $0.ordersPerSecond } }

    func latency(_ percentile: Double) -> Int64 { Int64(latencies.valueAtPercentile(percentile)) }

    var fields: [(String, JSONLine.Value)] {
        [
            ("scenario", .string(scenario.rawValue)), ("durability", .string(durability.rawValue)),
            ("skus", .integer(Int64(settings.skuCount))), ("stock", .integer(Int64(settings.stockPerSKU))),
            ("buyers", .integer(Int64(settings.buyerCount))), ("orders", .integer(Int64(tally.attemptCount))),
            ("orders_per_call", .integer(Int64(settings.ordersPerCall))), ("seconds", .number(seconds)),
            ("orders_per_second", .number(ordersPerSecond)), ("accepted", .integer(Int64(tally.acceptedCount))),
            ("accepted_per_second", .number(Double(tally.acceptedCount) / seconds)),
            ("refused", .integer(Int64(tally.refusedCount))), ("fast_refusals", .unsigned(fastRefusalCount)),
            ("oversold", .integer(findings.oversoldUnits)),
            ("commands", .integer(Int64(commandCount))), ("commands_per_second", .number(Double(commandCount) / seconds)),
            ("latency_us_p50", .integer(latency(50))), ("latency_us_p99", .integer(latency(99))),
            ("latency_us_p999", .integer(latency(99.9))), ("latency_us_max", .integer(Int64(latencies.max))),
            ("batch_size_mean", .number(batchSizeMean)), ("batches", .unsigned(batchCount)),
            ("commits", .unsigned(commitCount)), ("events_per_commit_mean", .number(eventsPerCommitMean)),
            ("events_written", .unsigned(eventCount)), ("events_per_second", .number(eventsPerSecond)),
            ("record_bytes_mean", .integer(Int64(findings.recordBytesMean))),
            ("raw_lmdb_events_per_second", raw.map { .number($0.recordsPerSecond) } ?? .null),
            ("ratio_vs_raw_lmdb", ratioVersusRawLMDB.map { .number($0) } ?? .null),
            ("sqlite_orders_per_second", sqlite.map { .number($0.ordersPerSecond) } ?? .null),
            ("ratio_vs_sqlite", ratioVersusSQLite.map { .number($0) } ?? .null),
            ("peak_rss_bytes", .integer(Int64(loadPeakResidentBytes))),
            ("peak_rss_bytes_with_checks", .integer(Int64(peakResidentBytes))), ("allocator", .string(Allocator.name)),
            ("checks_passed", .bool(findings.problems.isEmpty)),
        ]
    }

    var text: String {
        fields.map { key, value in
            let shown =
                switch value {
                case .string(let text): text
                case .integer(let number): String(number)
                case .unsigned(let number): String(number)
                case .number(let number): String(format: "%.3f", number)
                case .bool(let flag): flag ? "yes" : "no"
                case .null: "-"
                }
            return key.padding(toLength: 28, withPad: " ", startingAt: 0) + shown
        }.joined(separator: "\n")
    }
}
