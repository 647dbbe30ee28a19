/// What the sequencer has done since the engine was opened: how well it gathers concurrent
/// callers into batches, which is what one fsync per batch buys.
public struct EngineStatistics: Sendable, Hashable {
    /// Batches decided (each at most one write transaction and one fsync; none when nothing was accepted).
    public var batchCount: UInt64
    /// Commands decided in those batches, refused ones included.
    public var commandCount: UInt64
    /// Batches that wrote events: one write transaction (and, durably, one fsync) each.
    public var writtenBatchCount: UInt64
    /// Commands per batch.
    public var commandsPerBatchMean: Double { batchCount == 0 ? 0 : Double(commandCount) / Double(batchCount) }
}

extension OrderEngine {
    /// The sequencer's counters; cheap to read at any time.
    public var statistics: EngineStatistics { sequencer.statistics }
}
