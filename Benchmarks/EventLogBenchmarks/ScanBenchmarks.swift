import Benchmark
import OrderEngine

/// Reading the whole log in position order through the borrowed-view scan, the way a projection
/// is rebuilt: one scan of every event per iteration.
enum ScanBenchmarks {
    static let eventCount = 100_000
    static let iterationCountMax = 200

    static func register(checkingChecksums: Bool) {
        var configuration = Benchmark.defaultConfiguration
        configuration.maxIterations = iterationCountMax
        let fixture = LogFixture()
        Benchmark(
            checkingChecksums ? "Read/scan" : "Read/scan/unchecked",
            configuration: configuration,
            closure: { benchmark in
                let log = fixture.log
                let (count, versionSum) = try benchmark.measureEventsSynchronously(eventCount) {
                    try scanAll(log, checkingChecksums: checkingChecksums)
                }
                precondition(count == eventCount)
                Benchmark.blackHole(versionSum)
            },
            setup: {
                try fixture.open()
                try await fill(fixture.log)
            },
            teardown: { fixture.close() }
        )
    }

    /// Appends `eventCount` sample events in requests as large as the log allows.
    private static func fill(_ log: LMDBEventLog) async throws {
        var remaining = eventCount
        while remaining > 0 {
            let batchSize = min(remaining, EventLogLimits.requestEventCountMax)
            _ = try await log.append(SampleRequests.request(eventCount: batchSize))
            remaining -= batchSize
        }
        let lastPosition = try log.lastPosition()
        precondition(lastPosition == UInt64(eventCount))
    }

    /// Visits every event and reads one field of each, so the scan cannot be skipped.
    private static func scanAll(_ log: LMDBEventLog, checkingChecksums: Bool) throws -> (count: Int, versionSum: UInt64) {
        var count = 0
        var versionSum: UInt64 = 0
        try log.scan(fromPosition: 1, through: UInt64(eventCount), checkingChecksums: checkingChecksums) { _, record in
            count += 1
            versionSum &+= record.streamVersion
            return true
        }
        return (count, versionSum)
    }
}
