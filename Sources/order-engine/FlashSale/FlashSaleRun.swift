import Foundation
import Logging
import OrderEngine

/// One flash sale from start to report: open a fresh engine, stock the shop, run the buyers,
/// check everything, then run the raw LMDB and SQLite baselines on the same disk.
struct FlashSaleRun {
    let scenario: FlashSaleScenario
    let settings: FlashSaleSettings
    let durability: LMDBEventLogOptions.Durability
    let logger: Logger

    /// `baselines`: where the baselines write (on the engine's disk), or nil to skip them. They
    /// run after the engine is closed, so nothing of it writes beside them.
    func run(directory: String, baselines: String?) async throws -> FlashSaleReport {
        let engine = try OrderEngine(
            path: directory, options: EngineOptions(durability: durability, expirySweepInterval: nil), logger: logger)
        var report: FlashSaleReport
        do {
            report = try await measure(engine)
        } catch {
            engine.close()
            throw error
        }
        engine.close()
        if let baselines, report.findings.problems.isEmpty {
            try runBaselines(into: &report, directory: baselines)
        }
        report.peakResidentBytes = peakResidentBytes()
        return report
    }

    /// Stocks the shop, runs the buyers and checks the result.
    private func measure(_ engine: OrderEngine) async throws -> FlashSaleReport {
        let shop = try FlashSaleShop(settings: settings, now: Timestamp(microsecondsSince1970: SystemClock().nowMicroseconds()))
        try await shop.open(engine)
        let payAndShip = scenario == .fullPath
        let engineBefore = engine.statistics
        let logBefore = engine.log.statistics
        let (tally, latencies, seconds) = await FlashSaleLoad(shop: shop, engine: engine, payAndShip: payAndShip).run()
        let engineAfter = engine.statistics
        let logAfter = engine.log.statistics
        let loadPeakResidentBytes = peakResidentBytes()
        var findings = try FlashSaleAudit(shop: shop, engine: engine, tally: tally, payAndShip: payAndShip).run()
        if let unexpected = tally.unexpected { findings.problems.insert("a buyer stopped: \(unexpected)", at: 0) }
        return FlashSaleReport(
            scenario: scenario, settings: settings, durability: durability, tally: tally, latencies: latencies, seconds: seconds,
            batchCount: engineAfter.batchCount - engineBefore.batchCount,
            commandCount: engineAfter.commandCount - engineBefore.commandCount,
            fastRefusalCount: engineAfter.fastRefusalCount - engineBefore.fastRefusalCount,
            commitCount: engineAfter.writtenBatchCount - engineBefore.writtenBatchCount,
            eventCount: logAfter.eventCount - logBefore.eventCount,
            findings: findings, raw: nil, sqlite: nil, loadPeakResidentBytes: loadPeakResidentBytes, peakResidentBytes: 0)
    }

    /// The raw loop writes as many records as the engine did, of the same mean size, in commits of
    /// the same mean size; SQLite runs the same orders in transactions of the engine's batch size.
    private func runBaselines(into report: inout FlashSaleReport, directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if report.eventCount > 0 {
            let batch = max(1, Int(report.eventsPerCommitMean.rounded()))
            report.raw = try RawLMDBBaseline(directory: directory + "/raw-lmdb", durability: durability)
                .run(records: max(Int(report.eventCount), batch), batchSize: batch, recordBytes: report.findings.recordBytesMean)
        }
        let ordersPerTransaction = max(1, Int(report.ordersPerBatchMean.rounded()))
        report.sqlite = try SQLiteFlashSale(
            path: directory + "/sqlite.db", settings: settings, payAndShip: scenario == .fullPath, durability: durability
        ).run(ordersPerTransaction: ordersPerTransaction)
    }
}
