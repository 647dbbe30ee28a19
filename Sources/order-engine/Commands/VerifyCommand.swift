import ArgumentParser
import OrderEngine

/// Audits a data directory: every record's checksum, gap-free positions, the stream index, the
/// hash chain, and that the stored projections equal a fresh replay.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record, the index, the hash chain and the projections; exit non-zero when not ok."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Check only the log, for logs written without the engine (such as by append-load).")
    var logOnly = false

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true, readAhead: true))
        defer { log.close() }
        let report = try logOnly ? log.verify() : ProjectionAudit.verify(log)
        if json {
            print(JSONLine([
                ("ok", .bool(report.ok)),
                ("events", .unsigned(report.eventCount)),
                ("first_bad_position", report.firstBadPosition.map { .unsigned($0) } ?? .null),
                ("problem", report.problem.map { .string($0) } ?? .null),
            ]).text)
        } else if report.ok {
            print("ok: \(report.eventCount) events verified")
        } else {
            print("damaged at position \(report.firstBadPosition.map(String.init) ?? "?"): \(report.problem ?? "")")
        }
        if !report.ok { throw ExitCode(2) }
    }
}
