import Benchmark
import OrderEngine
import RawLMDB

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

    static func registerRawLMDB(batchSize: Int) {
        let configuration = configuration(batchSize: batchSize)
        let recordBytes = SampleRequests.recordBytes
        let iterationCount = configuration.warmupIterations + configuration.maxIterations
        let mapSizeBytes = max(1 << 30, 2 * iterationCount * batchSize * recordBytes)
        let fixture = RawLMDBFixture()
        Benchmark(
            "Append/raw-lmdb/batch-\(batchSize)",
            configuration: configuration,
            closure: { benchmark in
                let appender = fixture.appender
                try benchmark.measureEventsSynchronously(batchSize) {
                    try appender.append(count: batchSize)
                }
            },
            setup: { try fixture.open(recordBytes: recordBytes, mapSizeBytes: mapSizeBytes) },
            teardown: { fixture.close() }
        )
    }
}

/// A `RawLMDBAppender` in its own scratch directory, for one benchmark's iterations.
final class RawLMDBFixture {
    private var directory: ScratchDirectory?
    private var openAppender: RawLMDBAppender?

    var appender: RawLMDBAppender {
        guard let openAppender else { preconditionFailure("the appender is used outside its benchmark's setup and teardown") }
        return openAppender
    }

    func open(recordBytes: Int, mapSizeBytes: Int) throws {
        precondition(openAppender == nil)
        let directory = try ScratchDirectory(prefix: "order-engine-bench-raw")
        self.directory = directory
        openAppender = try RawLMDBAppender(directory: directory.path, recordBytes: recordBytes, mapSizeBytes: mapSizeBytes)
    }

    func close() {
        openAppender = nil
        directory?.remove()
        directory = nil
    }
}
