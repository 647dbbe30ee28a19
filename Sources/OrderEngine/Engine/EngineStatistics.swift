import Synchronization

/// A histogram with fixed bucket bounds, the shape Prometheus exposes.
public struct BucketHistogram: Sendable, Hashable {
    /// Upper bounds of the buckets, ascending; one more bucket counts everything above the last.
    public let upperBounds: [Double]
    /// Values seen per bucket (not cumulative); `counts.count == upperBounds.count + 1`.
    public private(set) var counts: [UInt64]
    /// Sum of every value seen.
    public private(set) var sum: Double = 0
    /// Number of values seen.
    public private(set) var count: UInt64 = 0

    /// An empty histogram with these ascending bounds.
    public init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        counts = Array(repeating: 0, count: upperBounds.count + 1)
    }

    /// Counts one value.
    public mutating func record(_ value: Double) {
        let bucket = upperBounds.firstIndex { value <= $0 } ?? upperBounds.count
        counts[bucket] += 1
        sum += value
        count += 1
    }
}

/// What the sequencer has done since the engine opened: how many batches and commands, how large
/// the batches were and how long each took to decide, write and make durable.
public struct EngineStatistics: Sendable, Hashable {
    /// Batches committed (each one transaction and at most one fsync).
    public var batchCount: UInt64 = 0
    /// Commands answered by those batches.
    public var commandCount: UInt64 = 0
    /// Commands per batch.
    public var batchSizes = BucketHistogram(upperBounds: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192])
    /// Seconds per batch, from the start of deciding to durability.
    public var commitSeconds = BucketHistogram(
        upperBounds: [0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1])
}

/// The engine's running statistics, updated once per batch by the writer thread.
final class StatisticsRecorder: Sendable {
    private let state = Mutex(EngineStatistics())

    func record(batchSize: Int, duration: Duration) {
        state.withLock { statistics in
            statistics.batchCount += 1
            statistics.commandCount += UInt64(batchSize)
            statistics.batchSizes.record(Double(batchSize))
            statistics.commitSeconds.record(duration.secondsDouble)
        }
    }

    var current: EngineStatistics { state.withLock { $0 } }
}
