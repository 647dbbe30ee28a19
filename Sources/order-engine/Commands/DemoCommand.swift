import ArgumentParser
import OrderEngine

/// Runs a scripted Singles' Day in a small mall through the engine's public API and prints the
/// views it leaves behind: a tour of the engine, and a log to try `verify`, `export` and `backup` on.
///
/// The script brings its own clock and command ids, so on a fresh directory it prints the same
/// output every time, and a second run on the same directory writes nothing.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a scripted day in a small mall and print the resulting orders, stock and members."
    )

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print one JSON object per line.")
    var json = false

    func run() async throws {
        let clock = DemoClock(start: DemoDay.time(9, 0))
        let engine = try OrderEngine(
            path: dataOptions.data, options: EngineOptions(clock: clock), logger: dataOptions.logger)
        defer { engine.close() }
        let runner = DemoRunner(engine: engine, clock: clock)
        try await DemoScript(runner: runner).run()
        let snapshot = try DemoSnapshot(runner)
        for line in json ? snapshot.jsonLines : snapshot.textLines { print(line) }
        guard snapshot.verification.ok else {
            throw CommandFailure(
                "verify failed at position \(snapshot.verification.firstBadPosition.map(String.init) ?? "?"): "
                    + (snapshot.verification.problem ?? ""))
        }
    }
}
