/// The named limits the HTTP adapter enforces before anything reaches the engine.
public struct HTTPLimits: Sendable, Hashable {
    /// Largest request body of a single command, in bytes (413 beyond it).
    public var commandBodyByteCountMax: Int
    /// Largest body of a batch request, in bytes (413 beyond it).
    public var batchBodyByteCountMax: Int
    /// Most commands in one batch request (400 beyond it).
    public var batchCommandCountMax: Int
    /// Largest page a list query returns; larger `limit` values are refused (400).
    public var pageSizeMax: Int
    /// Longest accepted `Idempotency-Key` header, in bytes.
    public var idempotencyKeyByteCountMax: Int
    /// Most events one event-feed response sends before it ends (clients resume with `Last-Event-ID`).
    public var feedEventCountMax: Int

    /// The defaults: 64 KiB per command, 4 MiB and 1,000 commands per batch, pages of 100.
    public init(
        commandBodyByteCountMax: Int = 64 * 1024,
        batchBodyByteCountMax: Int = 4 * 1024 * 1024,
        batchCommandCountMax: Int = 1_000,
        pageSizeMax: Int = 100,
        idempotencyKeyByteCountMax: Int = 255,
        feedEventCountMax: Int = 1_000_000
    ) {
        self.commandBodyByteCountMax = commandBodyByteCountMax
        self.batchBodyByteCountMax = batchBodyByteCountMax
        self.batchCommandCountMax = batchCommandCountMax
        self.pageSizeMax = pageSizeMax
        self.idempotencyKeyByteCountMax = idempotencyKeyByteCountMax
        self.feedEventCountMax = feedEventCountMax
    }
}
