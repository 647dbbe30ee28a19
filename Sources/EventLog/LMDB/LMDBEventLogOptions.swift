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

    public init(
        durability: Durability = .full,
        mapSizeBytesInitial: Int = 64 << 20,
        mapSizeBytesMax: Int = 1 << 40,
        readOnly: Bool = false
    ) {
        precondition(mapSizeBytesInitial > 0 && mapSizeBytesInitial <= mapSizeBytesMax)
        self.durability = durability
        self.mapSizeBytesInitial = mapSizeBytesInitial
        self.mapSizeBytesMax = mapSizeBytesMax
        self.readOnly = readOnly
    }
}
