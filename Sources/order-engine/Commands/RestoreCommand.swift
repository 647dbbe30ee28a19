import ArgumentParser
import Foundation
import OrderEngine

/// Makes a data directory from a backup, after checking that the backup is sound.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a data directory that holds no log yet."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The backup directory.")
    var from: String

    func run() async throws {
        if FileManager.default.fileExists(atPath: dataOptions.data + "/data.mdb") {
            throw CommandFailure("\(dataOptions.data) already holds a log; restore into a new directory")
        }
        let backup = try LMDBEventLog(path: from, options: LMDBEventLogOptions(readOnly: true), logger: dataOptions.logger)
        defer { backup.close() }
        let report = try backup.verify()
        guard report.ok else {
            throw CommandFailure("the backup is damaged at position \(report.firstBadPosition ?? 0): \(report.problem ?? "")")
        }
        try backup.backup(to: dataOptions.data)
        let restored = try dataOptions.openLog(LMDBEventLogOptions())
        defer { restored.close() }
        guard try restored.verify().ok else { throw CommandFailure("the restored log failed verification") }
        print(JSONLine([("restored", .string(dataOptions.data)), ("events", .unsigned(report.eventCount))]).text)
    }
}
