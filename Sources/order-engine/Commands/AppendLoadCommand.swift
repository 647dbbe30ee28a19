import ArgumentParser
import Foundation
import OrderEngine

/// Many concurrent writers, each appending one event at a time and awaiting its durable ack:
/// shows group commit gathering them into few transactions.
struct AppendLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append-load",
        abstract: "Append events from many concurrent writers to the log in --data and report the rate."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Concurrent writer tasks.")
    var writers = 64

    @Option(help: "Events to append in all.")
    var events = 100_000

    @Option(help: "Payload bytes per event.")
    var payloadBytes = 128

    @Option(help: "full (fsync per commit) or none.")
    var durability: LMDBEventLogOptions.Durability = .full

    @Flag(help: "Print one JSON object.")
    var json = false

    func validate() throws {
        guard writers > 0, writers <= 10_000 else { throw ValidationError("--writers must be in 1...10000") }
        guard events > 0 else { throw ValidationError("--events must be positive") }
        guard payloadBytes >= 0, payloadBytes <= EventLogLimits.payloadBytesMax else {
            throw ValidationError("--payload-bytes must be in 0...\(EventLogLimits.payloadBytesMax)")
        }
    }

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(durability: durability))
        defer { log.close() }
        let firstPosition = try log.lastPosition() + 1
        let payload = [UInt8](repeating: 0x5A, count: payloadBytes)
        let (writers, events) = (self.writers, self.events)
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let stream = "load-\(writer)"
                    for _ in stride(from: writer, to: events, by: writers) {
                        _ = try await log.append(SampleEvents.request(streams: [stream], payload: payload))
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - start).secondsDouble
        let statistics = log.statistics
        let lastPosition = try log.lastPosition()
        guard lastPosition - firstPosition + 1 == UInt64(events) else {
            throw CommandFailure("appended \(events) events but the log grew by \(lastPosition - firstPosition + 1)")
        }
        let line = JSONLine([
            ("events", .integer(Int64(events))),
            ("writers", .integer(Int64(writers))),
            ("durability", .string(durability.rawValue)),
            ("seconds", .number(seconds)),
            ("events_per_second", .number(Double(events) / seconds)),
            ("commits", .unsigned(statistics.commitCount)),
            ("events_per_commit_mean", .number(statistics.eventsPerCommitMean)),
            ("last_position", .unsigned(lastPosition)),
        ])
        if json {
            print(line.text)
        } else {
            print(
                "appended \(events) events from \(writers) writers in \(String(format: "%.2f", seconds)) s: "
                    + "\(Int(Double(events) / seconds)) events/s, \(statistics.commitCount) commits "
                    + "(\(String(format: "%.1f", statistics.eventsPerCommitMean)) events each); log now ends at \(lastPosition)"
            )
        }
    }
}

/// Events for load and benchmarks: opaque payloads, the metadata a real command would carry.
enum SampleEvents {
    static func request(streams: [String], payload: [UInt8]) -> AppendRequest {
        let commandId = UUID()
        let metadata = EventMetadata(
            commandId: commandId,
            correlationId: commandId,
            causationId: commandId,
            timestampMicroseconds: Int64(Date().timeIntervalSince1970 * 1_000_000),
            actor: "load"
        )
        return AppendRequest(
            commandId: commandId,
            events: streams.map { ProposedEvent(streamId: $0, eventType: 1, schemaVersion: 1, metadata: metadata, payload: payload) }
        )
    }
}
