import ArgumentParser
import Foundation
import Logging
import OrderEngine

/// Options every command that touches a data directory shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory holding the event log.")
    var data: String = "./data"

    @Option(name: .long, help: "Log level for diagnostics on standard error (trace ... critical).")
    var logLevel: Logger.Level = .warning
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension DataOptions {
    var logger: Logger {
        var logger = Logger(label: "order-engine") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return logger
    }

    func openLog(_ options: LMDBEventLogOptions) throws -> LMDBEventLog {
        try LMDBEventLog(path: data, options: options, logger: logger)
    }
}

extension LMDBEventLogOptions.Durability: ExpressibleByArgument {}

/// A failure the command reports in one line before exiting non-zero.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A scratch directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init(prefix: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
