import Benchmark
import OrderEngine

/// One append of a whole batch per iteration, durable (one fsync) before the iteration ends: the
/// event log's path against a plain LMDB transaction writing records of the same size.
enum AppendBenchmarks {
    static let batchSizes = [1, 64, 1024, 8192]
    /// Most iterations of one benchmark, whatever the batch size.
    static let iterationCountMax = 1_000
    /// Most events one benchmark appends, which bounds its disk use and its run time.
    static let appendedEventCountMax = 500_000

    static func configuration(batchSize: Int) -> Benchmark.Configuration {
        var configuration = Benchmark.defaultConfiguration
        configuration.maxIterations = min(iterationCountMax, appendedEventCountMax / batchSize)
        return configuration
    }

    static func registerLog(batchSize: Int) {
        let fixture = LogFixture()
        Benchmark(
            "Append/log/batch-\(batchSize)",
            configuration: configuration(batchSize: batchSize),
            closure: { benchmark in
                let request = SampleRequests.request(eventCount: batchSize)
                let result = try await benchmark.measureEvents(batchSize) {
                    try await fixture.log.append(request)
                }
                precondition(result.eventCount == batchSize && !result.duplicate)
            },
            setup: { try fixture.open() },
            teardown: { fixture.close() }
        )
    }

    /// The same batches through `RawLMDBAppender`, whose environment stays open across
    /// iterations as the log's does, with records as large as the log stores for a sample event:
    /// `raw-lmdb` writes the records alone, `raw-lmdb-log-puts` the log's puts (records, stream
    /// runs, idempotency entry, chain link).
    static func registerRawLMDB(batchSize: Int, writes: RawLMDBAppender.Writes) {
        let record = [UInt8](repeating: 0xA5, count: SampleRequests.recordBytes)
        let fixture = RawLMDBFixture(writes: writes)
        let name = writes == .records ? "raw-lmdb" : "raw-lmdb-log-puts"
        Benchmark(
            "Append/\(name)/batch-\(batchSize)",
            configuration: configuration(batchSize: batchSize),
            closure: { benchmark in
                let appender = fixture.appender
                try benchmark.measureEventsSynchronously(batchSize) {
                    try appender.appendBatch(count: batchSize, record: record)
                }
            },
            setup: { try fixture.open() },
            teardown: { fixture.close() }
        )
    }
}

/// A `RawLMDBAppender` with durability `full` in its own scratch directory, for one benchmark's
/// iterations.
final class RawLMDBFixture {
    private var directory: ScratchDirectory?
    private var openAppender: RawLMDBAppender?
    private let writes: RawLMDBAppender.Writes

    init(writes: RawLMDBAppender.Writes) {
        self.writes = writes
    }

    var appender: RawLMDBAppender {
        guard let openAppender else { preconditionFailure("the appender is used outside its benchmark's setup and teardown") }
        return openAppender
    }

    func open() throws {
        precondition(openAppender == nil)
        let directory = try ScratchDirectory(prefix: "order-engine-bench-raw")
        self.directory = directory
        openAppender = try RawLMDBAppender(directory: directory.path, durability: .full, writes: writes)
    }

    func close() {
        openAppender = nil
        directory?.remove()
        directory = nil
    }
}
