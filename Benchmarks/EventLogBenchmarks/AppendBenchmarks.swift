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

extension AppendBenchmarks {
    /// One log append and the same puts through `RawLMDBAppender` in every iteration, each on its
    /// own environment, the two taking turns at going first: both meet the disk as it is at that
    /// moment, so each pair's ratio holds still while the disk's flush latency drifts during the
    /// run (the separate benchmarks above run a few seconds apart and can meet different disks).
    static func registerPaired(batchSize: Int) {
        let record = [UInt8](repeating: 0xA5, count: SampleRequests.recordBytes)
        let log = LogFixture()
        let raw = RawLMDBFixture(writes: .logTables(streamCount: SampleRequests.streamCount))
        let turns = Turns()
        var configuration = configuration(batchSize: batchSize)
        configuration.metrics = [.wallClock, .mallocCountTotal, .logEventsPerSecond, .rawEventsPerSecond, .logPerRawPermille]
        Benchmark(
            "Append/paired/batch-\(batchSize)",
            configuration: configuration,
            closure: { benchmark in
                let request = SampleRequests.request(eventCount: batchSize)
                let appender = raw.appender
                let clock = ContinuousClock()
                let logFirst = turns.next()
                var logTime = Duration.zero
                var rawTime = Duration.zero
                benchmark.startMeasurement()
                for logTurn in [logFirst, !logFirst] {
                    let start = clock.now
                    if logTurn {
                        let result = try await log.log.append(request)
                        logTime = start.duration(to: clock.now)
                        precondition(result.eventCount == batchSize && !result.duplicate)
                    } else {
                        try appender.appendBatch(count: batchSize, record: record)
                        rawTime = start.duration(to: clock.now)
                    }
                }
                benchmark.stopMeasurement()
                let logRate = EventRate.perSecond(batchSize, in: logTime)
                let rawRate = EventRate.perSecond(batchSize, in: rawTime)
                benchmark.measurement(.logEventsPerSecond, logRate)
                benchmark.measurement(.rawEventsPerSecond, rawRate)
                benchmark.measurement(.logPerRawPermille, logRate * 1_000 / rawRate)
            },
            setup: {
                try log.open()
                try raw.open()
            },
            teardown: {
                log.close()
                raw.close()
            }
        )
    }

    /// Which of a pair goes first: each in turn.
    private final class Turns {
        private var count = 0

        func next() -> Bool {
            count += 1
            return count % 2 == 0
        }
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
