import ArgumentParser
import OrderEngine

/// Audits a log: every record's checksum, gap-free positions, the stream index and the hash chain.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record, the stream index and the hash chain; exit non-zero when damaged."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true))
        defer { log.close() }
        let report = try log.verify()
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
