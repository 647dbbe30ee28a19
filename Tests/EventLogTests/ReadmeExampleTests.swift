import Foundation
import Logging
import Testing

@testable import EventLog

/// The README's embedding example, kept compiling and true.
@Suite("README example")
struct ReadmeExampleTests {
    @Test
    func embeddingExampleRunsAsWritten() async throws {
        let scratch = ScratchDirectory()
        let log = try LMDBEventLog(path: scratch.subdirectory("data"), logger: Logger(label: "shop"))
        let command = UUID()
        let metadata = EventMetadata(
            commandId: command, correlationId: command, causationId: command,
            timestampMicroseconds: 1_767_225_600_000_000, actor: "staff:alice")
        let placed = ProposedEvent(
            streamId: "order-1001", eventType: 1, schemaVersion: 1, metadata: metadata, payload: Array("…".utf8))
        let result = try await log.append(
            AppendRequest(commandId: command, expectations: ["order-1001": .noStream], events: [placed]))
        let events = try log.readStream("order-1001", fromVersion: 1, limit: 100)
        #expect(events.map(\.position) == [1])
        #expect(result.positions == 1..<2)
        #expect(try log.verify().ok)
        #expect(try await log.append(AppendRequest(commandId: command, events: [placed])).duplicate)
        log.close()
    }
}
