import ArgumentParser
import OrderEngine

/// Rebuilds every projection from the log, in memory, and compares it with what is stored.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild every projection from the log and compare it with the stored projections."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Replay only up to this position (the comparison needs the whole log).")
    var to: UInt64?

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true, readAhead: true))
        defer { log.close() }
        let report = try ProjectionAudit.replay(log, through: to)
        let matches: JSONLine.Value = report.matchesStoredProjections.map { .bool($0) } ?? .null
        if json {
            print(JSONLine([
                ("events", .unsigned(report.events)),
                ("seconds", .number(report.seconds)),
                ("events_per_second", .number(report.eventsPerSecond)),
                ("matches_stored_projections", matches),
            ]).text)
        } else {
            let outcome = report.matchesStoredProjections.map { $0 ? "projections match" : "projections differ: \(report.firstDifference ?? "")" }
            print("replayed \(report.events) events in \(String(format: "%.3f", report.seconds)) s; \(outcome ?? "partial replay, not compared")")
        }
        if report.matchesStoredProjections == false { throw ExitCode(2) }
    }
}
