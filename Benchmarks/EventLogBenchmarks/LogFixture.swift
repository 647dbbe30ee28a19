import Logging
import OrderEngine

/// An `LMDBEventLog` with durability `full` in its own scratch directory: opened by a
/// benchmark's setup, closed and deleted by its teardown.
final class LogFixture {
    private var directory: ScratchDirectory?
    private var openLog: LMDBEventLog?

    var log: LMDBEventLog {
        guard let openLog else { preconditionFailure("the log is used outside its benchmark's setup and teardown") }
        return openLog
    }

    func open() throws {
        precondition(openLog == nil)
        let directory = try ScratchDirectory(prefix: "order-engine-bench-log")
        self.directory = directory
        openLog = try LMDBEventLog(
            path: directory.path,
            options: LMDBEventLogOptions(durability: .full),
            logger: Logger(label: "order-engine.benchmarks", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    func close() {
        openLog?.close()
        openLog = nil
        directory?.remove()
        directory = nil
    }
}
