import ArgumentParser
import OrderEngine

/// Copies a live log (a writer may be running) into a new directory, compacted and consistent.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the log, online, into an empty directory."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The directory to write the backup into (created; must be empty).")
    var to: String

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true, readAhead: true))
        defer { log.close() }
        try log.backup(to: to)
        let copy = try LMDBEventLog(path: to, options: LMDBEventLogOptions(readOnly: true, readAhead: true), logger: dataOptions.logger)
        defer { copy.close() }
        let report = try copy.verify()
        guard report.ok else { throw CommandFailure("the backup failed verification: \(report.problem ?? "")") }
        print(JSONLine([("backup", .string(to)), ("events", .unsigned(report.eventCount)), ("verified", .bool(true))]).text)
    }
}
