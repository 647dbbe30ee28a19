/// A catch-up subscription: reads what the log holds from a position, then follows it live.
///
/// It reads by position from the log itself, so the switch from catching up to live can neither
/// skip nor repeat an event. Iteration ends when the log closes; cancelling the task throws
/// `CancellationError`.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent

    /// Events fetched per read while catching up.
    public static let pageCountMax = 1024

    let log: any EventLog
    let nextPosition: UInt64

    public func makeAsyncIterator() -> Iterator {
        Iterator(log: log, nextPosition: nextPosition)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let log: any EventLog
        var nextPosition: UInt64
        var buffer: [RecordedEvent] = []
        var bufferIndex = 0

        public mutating func next() async throws -> RecordedEvent? {
            while bufferIndex == buffer.count {
                try Task.checkCancellation()
                buffer = try log.read(fromPosition: nextPosition, limit: EventSubscription.pageCountMax)
                bufferIndex = 0
                if buffer.isEmpty {
                    do {
                        try await log.waitForEvents(after: nextPosition - 1)
                    } catch EventLogError.closed {
                        return nil
                    }
                }
            }
            let event = buffer[bufferIndex]
            bufferIndex += 1
            nextPosition = event.position + 1
            return event
        }
    }
}
