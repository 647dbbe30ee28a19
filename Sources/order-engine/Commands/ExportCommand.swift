import ArgumentParser
import Foundation
import OrderEngine

/// Writes events as JSON lines, one event with its metadata per line, for jq and other tools.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print events as JSON lines, from a position or of one stream."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "First position to export.")
    var from: UInt64 = 1

    @Option(help: "Export only this stream (from its version --from).")
    var stream: String?

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true))
        defer { log.close() }
        var next = from
        while true {
            let page: [RecordedEvent]
            if let stream {
                page = try log.readStream(stream, fromVersion: next, limit: 4096)
            } else {
                page = try log.read(fromPosition: next, limit: 4096)
            }
            guard let last = page.last else { return }
            for event in page { print(Self.line(event).text) }
            next = (stream == nil ? last.position : last.streamVersion) + 1
        }
    }

    static func line(_ event: RecordedEvent) -> JSONLine {
        JSONLine([
            ("position", .unsigned(event.position)),
            ("stream", .string(event.streamId)),
            ("version", .unsigned(event.streamVersion)),
            ("type", .unsigned(UInt64(event.eventType))),
            ("schema_version", .unsigned(UInt64(event.schemaVersion))),
            ("timestamp_us", .integer(event.metadata.timestampMicroseconds)),
            ("command_id", .string(event.metadata.commandId.uuidString.lowercased())),
            ("correlation_id", .string(event.metadata.correlationId.uuidString.lowercased())),
            ("causation_id", .string(event.metadata.causationId.uuidString.lowercased())),
            ("actor", .string(event.metadata.actor)),
            ("payload_base64", .string(Data(event.payload).base64EncodedString())),
        ])
    }
}
