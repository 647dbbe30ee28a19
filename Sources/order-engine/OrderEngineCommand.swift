import ArgumentParser

/// The composition root: every command opens what it needs, does one job and exits 0 on success
/// or non-zero with a one-line reason.
@main
struct OrderEngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-engine",
        abstract: "An event-sourced order and inventory engine on an embedded LMDB log.",
        subcommands: [
            AppendLoadCommand.self,
            AppendBenchCommand.self,
            VerifyCommand.self,
            ReplayCommand.self,
            ExportCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            DemoCommand.self,
            ServeCommand.self,
            RebuildProjectionsCommand.self,
            CrashLoadCommand.self,
            CrashCheckCommand.self,
            FlashSaleCommand.self,
        ]
    )
}
