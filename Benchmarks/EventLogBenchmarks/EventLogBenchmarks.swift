import Benchmark

/// Every benchmark of the event log, the event codecs and the engine, registered when the benchmark
/// runner starts.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .eventsPerSecond],
        units: [.eventsPerSecond: .count],
        warmupIterations: 2,
        maxDuration: .seconds(3)
    )
    for batchSize in AppendBenchmarks.batchSizes {
        AppendBenchmarks.registerLog(batchSize: batchSize)
        AppendBenchmarks.registerRawLMDB(batchSize: batchSize, writes: .logTables(streamCount: SampleRequests.streamCount))
        AppendBenchmarks.registerRawLMDB(batchSize: batchSize, writes: .records)
        AppendBenchmarks.registerPaired(batchSize: batchSize)
    }
    ScanBenchmarks.register(checkingChecksums: true)
    ScanBenchmarks.register(checkingChecksums: false)
    CodecBenchmarks.register()
    EngineBenchmarks.register()
    DecideBenchmarks.register()
}

extension BenchmarkMetric {
    /// Events appended or scanned per second of measured time, from the same interval as
    /// `wallClock`: equal to `throughput` times the events per iteration, without its rounding.
    static var eventsPerSecond: BenchmarkMetric {
        .custom("events/s", polarity: .prefersLarger, useScalingFactor: false)
    }

    /// The log's half of a paired append benchmark, as `eventsPerSecond`.
    static var logEventsPerSecond: BenchmarkMetric {
        .custom("log events/s", polarity: .prefersLarger, useScalingFactor: false)
    }

    /// The raw LMDB half of a paired append benchmark, as `eventsPerSecond`.
    static var rawEventsPerSecond: BenchmarkMetric {
        .custom("raw events/s", polarity: .prefersLarger, useScalingFactor: false)
    }

    /// The log's events per second over the raw loop's in the same pair, in thousandths.
    static var logPerRawPermille: BenchmarkMetric {
        .custom("log/raw ‰", polarity: .prefersLarger, useScalingFactor: false)
    }
}

extension Benchmark {
    /// Measures `body`, which handles `eventCount` events, and records its rate as `eventsPerSecond`.
    func measureEvents<Result>(_ eventCount: Int, _ body: () async throws -> Result) async rethrows -> Result {
        let clock = ContinuousClock()
        startMeasurement()
        let start = clock.now
        let result = try await body()
        let elapsed = start.duration(to: clock.now)
        stopMeasurement()
        measurement(.eventsPerSecond, EventRate.perSecond(eventCount, in: elapsed))
        return result
    }

    /// The synchronous twin of `measureEvents(_:_:)`.
    func measureEventsSynchronously<Result>(_ eventCount: Int, _ body: () throws -> Result) rethrows -> Result {
        let clock = ContinuousClock()
        startMeasurement()
        let start = clock.now
        let result = try body()
        let elapsed = start.duration(to: clock.now)
        stopMeasurement()
        measurement(.eventsPerSecond, EventRate.perSecond(eventCount, in: elapsed))
        return result
    }
}

enum EventRate {
    static func perSecond(_ eventCount: Int, in elapsed: Duration) -> Int {
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        precondition(nanoseconds > 0)
        return Int((Double(eventCount) * 1e9 / nanoseconds).rounded())
    }
}
