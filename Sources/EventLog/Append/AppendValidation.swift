import struct FoundationEssentials.UUID

/// The limits and rules a request must keep before anything of it is written. One set of rules
/// with two entry points: `invalidity(of:)` for a caller checking ahead, and the pieces the
/// `BatchAppender` runs while it resolves a request's streams (it checks each stream id once per
/// batch, when the stream is first seen, instead of once per event).
enum AppendValidation {
    /// Why the request breaks a limit, or nil when it keeps them all.
    static func invalidity(of request: AppendRequest) -> String? {
        if let reason = invalidityOfShape(request) { return reason }
        return request.events.withUnsafeBufferPointer { events in
            var checkedStreamId: String?
            var checkedActor: String?
            for index in events.indices {
                let event = events.baseAddress! + index
                if checkedStreamId.map({ !StreamKey.sameBytes($0, event.pointee.streamId) }) ?? true {
                    if let reason = invalidity(ofStreamId: event.pointee.streamId) { return reason }
                    checkedStreamId = event.pointee.streamId
                }
                if let reason = invalidity(of: event, commandId: request.commandId, checkedActor: &checkedActor) {
                    return reason
                }
            }
            return nil
        }
    }

    /// The checks on the request as a whole: its event count and its expectations' stream ids.
    static func invalidityOfShape(_ request: AppendRequest) -> String? {
        if request.events.isEmpty { return "an append needs at least one event" }
        if request.events.count > EventLogLimits.requestEventCountMax {
            return "\(request.events.count) events exceed the limit of \(EventLogLimits.requestEventCountMax) per append"
        }
        for (streamId, _) in request.expectations {
            if let reason = invalidity(ofStreamId: streamId) { return reason }
        }
        return nil
    }

    /// The checks on one event other than its stream id. `checkedActor` is the last actor found
    /// valid: events of one request nearly always share their actor, so it is checked once. The
    /// event comes by address, as in `RecordCodec.encode`, so that checking it does not copy it.
    static func invalidity(of event: UnsafePointer<ProposedEvent>, commandId: UUID, checkedActor: inout String?) -> String? {
        if event.pointee.metadata.commandId != commandId {
            return "event metadata names command \(event.pointee.metadata.commandId), the append names \(commandId)"
        }
        if event.pointee.metadata.actor != checkedActor {
            if event.pointee.metadata.actor.utf8.count > EventLogLimits.actorBytesMax {
                return "actor is longer than \(EventLogLimits.actorBytesMax) bytes"
            }
            if containsControlCharacter(event.pointee.metadata.actor) { return "actor contains control characters" }
            checkedActor = event.pointee.metadata.actor
        }
        if event.pointee.payload.count > EventLogLimits.payloadBytesMax {
            return "payload of \(event.pointee.payload.count) bytes exceeds \(EventLogLimits.payloadBytesMax) bytes"
        }
        return nil
    }

    static func invalidity(ofStreamId streamId: String) -> String? {
        let count = streamId.utf8.count
        if count == 0 { return "stream id is empty" }
        if count > EventLogLimits.streamIdBytesMax {
            return "stream id is longer than \(EventLogLimits.streamIdBytesMax) bytes"
        }
        if containsControlCharacter(streamId) { return "stream id contains control characters" }
        return nil
    }

    /// True for C0 controls, DEL and C1 controls (U+0080...U+009F, UTF-8 0xC2 0x80...0x9F): a
    /// byte scan.
    static func containsControlCharacter(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            previous = byte
        }
        return false
    }
}
