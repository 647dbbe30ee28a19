import ArgumentParser
import Foundation
import Logging
import OrderEngine

/// A peak sale through the engine's public API, measured beside a raw LMDB loop and SQLite on the
/// same disk in the same run, and checked against the log, the projections and a replay.
struct FlashSaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flash-sale",
        abstract: "Race concurrent buyers for hot SKUs through the engine; compare with raw LMDB and SQLite."
    )

    @Option(help: "sell-out, sustained, many-skus or full-path.")
    var scenario: FlashSaleScenario = .sellOut

    @Option(help: "The engine's data directory (must not hold a log); a removed temporary one by default.")
    var data: String?

    @Option(help: "SKUs on sale (scenario default).")
    var skus: Int?

    @Option(help: "Units of each SKU (scenario default).")
    var stock: Int?

    @Option(help: "Concurrent buyers (scenario default).")
    var buyers: Int?

    @Option(help: "Orders to attempt in all (scenario default).")
    var orders: Int?

    @Option(help: "Orders a buyer hands the engine per call; 1 places them one at a time.")
    var batch: Int = 1

    @Option(help: "Members the buyers order as.")
    var members: Int = 1_000

    @Option(help: "full (fsync per commit) or none.")
    var durability: LMDBEventLogOptions.Durability = .full

    @Flag(help: "Skip the raw LMDB and SQLite runs.")
    var skipBaselines = false

    @Flag(help: "Print one JSON object on one line.")
    var json = false

    @Option(help: "Log level for diagnostics on standard error (trace ... critical).")
    var logLevel: Logger.Level = .warning

    var settings: FlashSaleSettings {
        var settings = scenario.defaults
        settings.skuCount = skus ?? settings.skuCount
        settings.stockPerSKU = stock ?? settings.stockPerSKU
        settings.buyerCount = buyers ?? settings.buyerCount
        settings.orderCount = orders ?? settings.orderCount
        settings.ordersPerCall = batch
        settings.memberCount = members
        return settings
    }

    func validate() throws {
        if let problem = settings.problem { throw ValidationError(problem) }
        if scenario == .sustained && settings.stockPerSKU < settings.orderCount {
            throw ValidationError("the sustained scenario needs --stock at least --orders, so every order is accepted")
        }
    }

    func run() async throws {
        let scratch = try ScratchDirectory(prefix: "order-engine-flash-sale")
        defer { scratch.remove() }
        let directory = data ?? scratch.path + "/engine"
        let baselines = data.map { $0 + ".baselines" } ?? scratch.path + "/baselines"
        defer { if data != nil { try? FileManager.default.removeItem(atPath: baselines) } }
        if FileManager.default.fileExists(atPath: directory + "/data.mdb") {
            throw CommandFailure("\(directory) already holds a log; flash-sale needs a fresh directory")
        }
        let report = try await FlashSaleRun(
            scenario: scenario, settings: settings, durability: durability, logger: logger
        ).run(directory: directory, baselines: skipBaselines ? nil : baselines)
        print(json ? JSONLine(report.fields).text : report.text)
        if !report.findings.problems.isEmpty {
            throw CommandFailure("flash-sale check failed: " + report.findings.problems.prefix(5).joined(separator: "; "))
        }
    }

    private var logger: Logger {
        var logger = Logger(label: "order-engine") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return logger
    }
}
