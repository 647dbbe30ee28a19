import Foundation

/// Where the engine's time comes from: injected, so tests and replays are deterministic.
public protocol EngineClock: Sendable {
    /// Now, in microseconds since 1970.
    func nowMicroseconds() -> Int64
}

/// The system's wall clock.
public struct SystemClock: EngineClock {
    public init() {}

    public func nowMicroseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000_000)
    }
}

/// How an `OrderEngine` is opened. Every choice is explicit; the defaults suit a live shop.
public struct EngineOptions: Sendable {
    /// When a command counts as done: `full` fsyncs each commit (survives power loss).
    public var durability: LMDBEventLogOptions.Durability
    /// The log's initial memory map; it doubles as it fills.
    public var mapSizeBytesInitial: Int
    /// The log never grows past this; commands then fail with `storageFull`.
    public var mapSizeBytesMax: Int
    /// The shop's rules: unpaid order timeout, points rates.
    public var policy: DomainPolicy
    /// Where time comes from.
    public var clock: any EngineClock
    /// About how many refused command ids the engine remembers, so a retry gets the same refusal.
    /// They are kept in 64 shares by id, each forgetting its oldest first, so the window holds
    /// this many in all give or take the spread of ids over the shares.
    public var refusalMemoryCountMax: Int
    /// How often a quiet engine looks for unpaid orders past their deadline; nil never (then call
    /// `OrderEngine.expireDueOrders()`). Busy engines also look at the start of every batch.
    public var expirySweepInterval: Duration?
    /// How many events may pass between snapshots of the in-memory state (also taken on close);
    /// a restart folds only the events after the last one. Nil never.
    public var snapshotEventInterval: UInt64?
    /// Most orders, payments, parcels, after-sale cases and members the engine holds in memory
    /// between batches, besides those of the batch being committed. Beyond it, those that came
    /// into memory first are let go (an unpaid order too: its payment deadline stays queued) and
    /// read back from their streams when a command needs them again; SKUs, stock items and
    /// coupons are always held. This bounds the engine's memory however long the log grows.
    public var cachedAggregateCountMax: Int
    /// How many rows of members' order lists may wait in runs (one per batch) before they are
    /// merged into the list's table, over the next 16 batches: a larger number writes each of the
    /// table's pages for more rows at once; a member's order list reads each waiting run.
    public var memberOrderWaitingRowCountMax: Int
    /// How many runs may wait before they are merged, however few rows they hold.
    var memberOrderWaitingRunCountMax = 128

    public init(
        durability: LMDBEventLogOptions.Durability = .full,
        mapSizeBytesInitial: Int = 64 << 20,
        mapSizeBytesMax: Int = 1 << 40,
        policy: DomainPolicy = .standard,
        clock: any EngineClock = SystemClock(),
        refusalMemoryCountMax: Int = 100_000,
        expirySweepInterval: Duration? = .seconds(5),
        snapshotEventInterval: UInt64? = 1_000_000,
        cachedAggregateCountMax: Int = 100_000,
        memberOrderWaitingRowCountMax: Int = 65_536
    ) {
        self.durability = durability
        self.mapSizeBytesInitial = mapSizeBytesInitial
        self.mapSizeBytesMax = mapSizeBytesMax
        self.policy = policy
        self.clock = clock
        self.refusalMemoryCountMax = refusalMemoryCountMax
        self.expirySweepInterval = expirySweepInterval
        self.snapshotEventInterval = snapshotEventInterval
        self.cachedAggregateCountMax = cachedAggregateCountMax
        self.memberOrderWaitingRowCountMax = memberOrderWaitingRowCountMax
    }
}
