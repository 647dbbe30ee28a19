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

    @Option(help: "First position to export (with --stream: first version).")
    var from: UInt64 = 1

    @Option(help: "Export only this stream.")
    var stream: String?

    func run() async throws {
        let log = try dataOptions.openLog(LMDBEventLogOptions(readOnly: true, readAhead: true))
        defer { log.close() }
        let codec = EventCodec()
        var next = from
        while true {
            let page: [RecordedEvent]
            if let stream {
                page = try log.readStream(stream, fromVersion: next, limit: 4096)
            } else {
                page = try log.read(fromPosition: next, limit: 4096)
            }
            guard let last = page.last else { return }
            for event in page { print(Self.line(event, codec: codec)) }
            next = (stream == nil ? last.position : last.streamVersion) + 1
        }
    }

    /// The record's metadata and, when it decodes, the event itself as JSON; otherwise its raw
    /// payload and why it did not decode.
    static func line(_ event: RecordedEvent, codec: EventCodec) -> String {
        var line = metadata(event)
        do {
            let decoded = try codec.decode(event)
            return String(line.text.dropLast()) + ",\"event\":" + EventJSON.string(decoded) + "}"
        } catch {
            line.add("payload_base64", .string(Data(event.payload).base64EncodedString()))
            line.add("decode_error", .string("\(error)"))
            return line.text
        }
    }

    private static func metadata(_ event: RecordedEvent) -> JSONLine {
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
        ])
    }
}
