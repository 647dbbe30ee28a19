import Foundation
import OrderEngine

/// Append requests shaped like a busy shop's: fixed-size opaque payloads spread round-robin over
/// a few streams, each request under a new command id so that no append is a duplicate.
enum SampleRequests {
    static let streamCount = 16
    static let payloadBytes = 128
    static let streams = (0..<streamCount).map { "bench-\($0)" }
    static let payload = [UInt8](repeating: 0x5A, count: payloadBytes)

    static func request(eventCount: Int) -> AppendRequest {
        precondition(eventCount > 0 && eventCount <= EventLogLimits.requestEventCountMax)
        let commandId = UUID()
        let metadata = EventMetadata(
            commandId: commandId,
            correlationId: commandId,
            causationId: commandId,
            timestampMicroseconds: Int64(Date().timeIntervalSince1970 * 1_000_000),
            actor: "bench"
        )
        let events = (0..<eventCount).map { index in
            ProposedEvent(
                streamId: streams[index % streamCount],
                eventType: 1,
                schemaVersion: 1,
                metadata: metadata,
                payload: payload
            )
        }
        return AppendRequest(commandId: commandId, events: events)
    }

    /// The bytes the log stores for one sample event: what the raw LMDB loop writes per record.
    static var recordBytes: Int {
        request(eventCount: 1).events[0].storedBytes
    }
}
