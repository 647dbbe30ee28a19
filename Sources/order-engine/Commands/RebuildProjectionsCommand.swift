import ArgumentParser
import OrderEngine

/// Rewrites the stored projections from the log, for when an audit found them different from a
/// replay. One transaction: a rebuild that is interrupted leaves the old projections whole.
struct RebuildProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild-projections",
        abstract: "Rewrite the stored projections from a replay of the log (no engine may be running on it)."
    )

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readAhead: true))
        defer { log.close() }
        let position = try ProjectionAudit.rebuild(log)
        let report = try ProjectionAudit.replay(log)
        guard report.matchesStoredProjections == true else {
            throw CommandFailure("the rebuilt projections differ from a replay: \(report.firstDifference ?? "")")
        }
        print(JSONLine([("rebuilt_through", .unsigned(position)), ("matches_replay", .bool(true))]).text)
    }
}
