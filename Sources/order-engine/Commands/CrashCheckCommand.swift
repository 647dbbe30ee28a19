import ArgumentParser
import Foundation
import OrderEngine

/// What must hold after `crash-load` was killed: the log and its projections pass a full audit,
/// every acknowledged command is in the log, the engine opens again, and no stock count went
/// negative (nothing was oversold).
struct CrashCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-check",
        abstract: "Check a data directory left by a killed crash-load against its acknowledgement file.",
        shouldDisplay: false
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The acknowledgement file crash-load wrote.")
    var acks: String

    func run() async throws {
        let (report, acknowledged, missing) = try auditAsLeft()
        let engine = try OrderEngine(path: dataOptions.data, logger: dataOptions.logger)
        defer { engine.close() }
        let oversold = try Self.oversoldItems(engine)
        print(JSONLine([
            ("ok", .bool(report.ok && missing.isEmpty && oversold.isEmpty)),
            ("events", .unsigned(report.eventCount)),
            ("acknowledged", .integer(Int64(acknowledged))),
            ("missing", .integer(Int64(missing.count))),
            ("oversold", .integer(Int64(oversold.count))),
        ]).text)
        guard report.ok else { throw CommandFailure("the log failed its audit at \(report.firstBadPosition ?? 0): \(report.problem ?? "")") }
        if let id = missing.first { throw CommandFailure("acknowledged command \(id) is not in the log (\(missing.count) missing)") }
        if let item = oversold.first { throw CommandFailure("stock item \(item) is oversold (\(oversold.count) items)") }
    }

    /// The full audit and the acknowledged commands, on the directory exactly as the crash left it.
    private func auditAsLeft() throws -> (report: VerificationReport, acknowledged: Int, missing: [UUID]) {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true, readAhead: true))
        defer { log.close() }
        let report = try ProjectionAudit.verify(log)
        let ids = try AcknowledgementFile.read(acks)
        let missing = zip(ids, try log.commandOutcomes(ids)).filter { $0.1 == nil }.map(\.0)
        return (report, ids.count, missing)
    }

    /// Stock items of the crash shop with a negative count or more promised than is on hand.
    private static func oversoldItems(_ engine: OrderEngine) throws -> [StockItemID] {
        var oversold: [StockItemID] = []
        for sku in CrashShop.skus {
            let stock = try engine.stock(sku: sku)
            for (warehouse, counts) in stock.byWarehouse where !counts.isSound {
                oversold.append(StockItemID(sku: sku, warehouse: warehouse))
            }
        }
        return oversold
    }
}

extension StockCounts {
    /// No count is negative and no more is promised than is on hand.
    var isSound: Bool {
        onHand >= 0 && reserved >= 0 && committed >= 0 && safetyStock >= 0 && damaged >= 0 && backordered >= 0
            && available >= 0
    }
}
