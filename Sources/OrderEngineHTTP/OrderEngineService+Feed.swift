import EventLog
import Foundation
import Hummingbird
import OrderEngine
import ServiceLifecycle

extension OrderEngineService {
    /// `GET /v1/events`: Server-Sent Events from a log position (`from`, default 1, or just after
    /// the `Last-Event-ID` a reconnecting client sends), catching up and then following live.
    /// `follow=false` ends once the events that were durable at the request are sent; `limit`
    /// ends after that many events. Each event's `id` is its log position.
    func eventFeed(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        try principal(request).requireStaff(.readOnly)
        let start: UInt64
        if let lastEventID = request.headers[.lastEventID] {
            guard let last = UInt64(lastEventID), last < UInt64.max else {
                throw Problem.invalid("Last-Event-ID", "must be a log position")
            }
            start = last + 1
        } else {
            start = UInt64(try integer(request, "from", default: 1, in: 1...Int64.max))
        }
        let limit = Int(try integer(request, "limit", default: Int64(limits.feedEventCountMax), in: 1...Int64(limits.feedEventCountMax)))
        let followText = request.uri.queryParameters.get("follow") ?? "true"
        guard followText == "true" || followText == "false" else {
            throw Problem.invalid("follow", "must be true or false")
        }
        let end: UInt64? = followText == "true" ? nil : try engine.log.lastPosition()
        let log = engine.log
        // A follower that hangs up is cancelled at once, not when the next event fails to write:
        // otherwise it holds a log waiter, and the server's shutdown waits for it, until then.
        let body = ResponseBody { writer in
            try await request.body.consumeWithCancellationOnInboundClose { _ in
                var sent = 0
                if let end, start > end { return }
                for try await record in log.subscribe(fromPosition: start).cancelOnGracefulShutdown() {
                    var frame = "id: \(record.position)\nevent: "
                    frame += DomainEvent.typeName(forTag: record.eventType) ?? "unknown"
                    frame += "\ndata: "
                    frame += String(decoding: try EventEnvelopeJSON.bytes(record), as: UTF8.self)
                    frame += "\n\n"
                    try await writer.write(ByteBuffer(string: frame))
                    sent += 1
                    if sent >= limit { break }
                    if let end, record.position >= end { break }
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }
}
