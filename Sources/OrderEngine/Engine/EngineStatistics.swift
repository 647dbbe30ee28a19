import Synchronization

/// What the sequencer has done since the engine was opened: how well it gathers concurrent
/// callers into batches, which is what one fsync per batch buys, and how long batches take.
public struct EngineStatistics: Sendable, Hashable {
    /// Batches decided (each at most one write transaction and one fsync; none when nothing was accepted).
    public var batchCount: UInt64
    /// Commands decided in those batches, refused ones included.
    public var commandCount: UInt64
    /// Batches that wrote events: one write transaction (and, durably, one fsync) each.
    public var writtenBatchCount: UInt64
    /// Commands per batch.
    public var batchSizes: BucketHistogram
    /// Seconds per batch, from the start of deciding to durability.
    public var commitSeconds: BucketHistogram
    /// Orders, payments, parcels, after-sale cases and members held in memory after the last
    /// batch (see `EngineOptions.cachedAggregateCountMax`).
    public var cachedAggregateCount: Int
    /// Streams read back from the log because a command needed an aggregate not held in memory.
    public var aggregateLoadCount: UInt64
    /// Placements refused on their callers' threads, without the sequencer, because what they
    /// buy is sold out in the durable log (see `OrderEngine.execute(_:)`); not in `commandCount`.
    public var fastRefusalCount: UInt64 = 0
    /// Commands per batch, on average.
    public var commandsPerBatchMean: Double { batchCount == 0 ? 0 : Double(commandCount) / Double(batchCount) }
}

extension OrderEngine {
    /// The sequencer's counters and histograms; cheap to read at any time.
    public var statistics: EngineStatistics {
        var statistics = sequencer.statistics
        statistics.fastRefusalCount = fastRefusals.answeredCount
        return statistics
    }
}

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

/// The sequencer's batch histograms, updated once per batch by the writer thread.
final class BatchHistograms: Sendable {
    private struct State {
        var batchSizes = BucketHistogram(upperBounds: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192])
        var commitSeconds = BucketHistogram(
            upperBounds: [0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1])
    }

    private let state = Mutex(State())

    func record(batchSize: Int, duration: Duration) {
        state.withLock { state in
            state.batchSizes.record(Double(batchSize))
            state.commitSeconds.record(duration.secondsDouble)
        }
    }

    var current: (batchSizes: BucketHistogram, commitSeconds: BucketHistogram) {
        state.withLock { ($0.batchSizes, $0.commitSeconds) }
    }
}
