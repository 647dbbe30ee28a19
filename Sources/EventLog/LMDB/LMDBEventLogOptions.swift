/// How an `LMDBEventLog` is opened. Every choice is explicit; the defaults suit a shop's live log.
public struct LMDBEventLogOptions: Sendable {
    /// When an append counts as done.
    public enum Durability: String, Sendable, CaseIterable {
        /// Each commit is fsynced before its callers resume: survives power loss.
        case full
        /// No fsync: survives a process crash but not power loss. For bulk loads and tests.
        case none
    }

    public var durability: Durability
    /// The memory map's size when the log is created; it doubles whenever it fills.
    public var mapSizeBytesInitial: Int
    /// The map never grows past this: an append that would need more fails with `storageFull`.
    public var mapSizeBytesMax: Int
    /// Opens without taking the writer lock, for reading and inspecting: appends are refused.
    public var readOnly: Bool
    /// Whether the kernel reads the file ahead of the pages the log touches, as for a scan.
    /// Replays, verification, export and backup read the whole log and want it: a replay of a
    /// log no longer in the page cache took 7–13 s reading a page at a time, 1.0–1.2 s with
    /// read-ahead. A live engine reads streams here and there, where reading ahead would fill the
    /// page cache with pages nobody asked for, so it is off unless asked for.
    public var readAhead: Bool
    /// Most idempotency entries kept in the `recent-commands` table, one value per commit, before
    /// a commit moves them all into the `commands` table at once (see `RecentCommandRuns`).
    /// Command ids are random: stored one by one, each entry rewrote a page of `commands`. The
    /// writer holds the waiting entries in memory too, about 50 bytes each.
    public var recentCommandCountMax: Int

    public init(
        durability: Durability = .full,
        mapSizeBytesInitial: Int = 64 << 20,
        mapSizeBytesMax: Int = 1 << 40,
        readOnly: Bool = false,
        readAhead: Bool = false,
        recentCommandCountMax: Int = 65_536
    ) {
        precondition(mapSizeBytesInitial > 0 && mapSizeBytesInitial <= mapSizeBytesMax)
        precondition(recentCommandCountMax >= 0)
        self.recentCommandCountMax = recentCommandCountMax
        self.durability = durability
        self.mapSizeBytesInitial = mapSizeBytesInitial
        self.mapSizeBytesMax = mapSizeBytesMax
        self.readOnly = readOnly
        self.readAhead = readAhead
    }
}
