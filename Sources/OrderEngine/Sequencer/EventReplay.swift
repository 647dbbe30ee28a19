import EventLog
import OrderDomain

/// Folding stored events back into domain state: at start-up, after a failed commit, and for
/// audits that replay to a past position.
enum EventReplay {
    /// Decodes one stored event.
    static func decode(_ record: RecordedEvent, codec: EventCodec) throws -> DomainEvent {
        do {
            return try codec.decode(record)
        } catch {
            throw EngineError.undecodableEvent(position: record.position, problem: "\(error)")
        }
    }

    /// Folds every event from the start of the log through `endPosition` into fresh states.
    static func states(from log: any EventLog, through endPosition: UInt64 = .max, codec: EventCodec) throws -> DomainStates {
        var states = DomainStates()
        try fold(from: log, after: 0, through: endPosition, codec: codec, into: &states)
        return states
    }

    /// Folds the events after `position` through `endPosition` into `states`.
    static func fold(
        from log: any EventLog,
        after position: UInt64,
        through endPosition: UInt64 = .max,
        codec: EventCodec,
        into states: inout DomainStates
    ) throws {
        try log.scan(fromPosition: position + 1, through: endPosition, checkingChecksums: true) { position, view in
            do {
                states.apply(try codec.decode(view))
            } catch {
                throw EngineError.undecodableEvent(position: position, problem: "\(error)")
            }
            return true
        }
    }
}
