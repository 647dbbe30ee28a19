import Foundation
import Logging
import Testing

@testable import EventLog

/// The storage engines every conformance test runs against.
enum LogKind: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case lmdb

    var testDescription: String { rawValue }
}

/// A scratch directory removed when the fixture goes away.
final class ScratchDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("event-log-tests-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func subdirectory(_ name: String) -> String { path + "/" + name }
}

let testLogger = Logger(label: "event-log-tests") { _ in SwiftLogNoOpLogHandler() }

/// Makes and reopens a log of one kind.
final class LogFixture {
    let kind: LogKind
    let scratch = ScratchDirectory()
    private(set) var log: any EventLog

    init(_ kind: LogKind, options: LMDBEventLogOptions = LMDBEventLogOptions(durability: .none)) throws {
        self.kind = kind
        switch kind {
        case .memory: log = InMemoryEventLog()
        case .lmdb: log = try LMDBEventLog(path: scratch.subdirectory("log"), options: options, logger: testLogger)
        }
    }

    var dataPath: String { scratch.subdirectory("log") }
}

/// Builds events and requests with readable defaults.
enum Make {
    static func metadata(_ commandId: UUID, actor: String = "staff:test", at timestamp: Int64 = 1_700_000_000_000_000) -> EventMetadata {
        EventMetadata(commandId: commandId, correlationId: UUID(), causationId: commandId, timestampMicroseconds: timestamp, actor: actor)
    }

    static func event(
        _ streamId: String,
        type: UInt16 = 1,
        payload: [UInt8] = Array("hello".utf8),
        commandId: UUID
    ) -> ProposedEvent {
        ProposedEvent(streamId: streamId, eventType: type, schemaVersion: 1, metadata: metadata(commandId), payload: payload)
    }

    static func request(
        _ streams: [String],
        commandId: UUID = UUID(),
        expecting expectations: StreamExpectations = [:],
        payloadBytes: Int? = nil
    ) -> AppendRequest {
        let payload = payloadBytes.map { count in (0..<count).map { UInt8(truncatingIfNeeded: $0) } } ?? Array("hello".utf8)
        return AppendRequest(
            commandId: commandId,
            expectations: expectations,
            events: streams.map { event($0, payload: payload, commandId: commandId) }
        )
    }
}
