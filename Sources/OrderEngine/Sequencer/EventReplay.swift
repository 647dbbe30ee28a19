import EventLog
import OrderDomain

/// Folding stored events back into domain state. `states(from:through:codec:)` is the plain,
/// single-threaded fold of the whole log: audits use `statesDecodingAhead` (decoding and
/// folding on two threads, half of the states each) and the engine its `StateCache`, and tests compare both with this one.
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
        try log.scan(fromPosition: 1, through: endPosition, checkingChecksums: true) { position, view in
            do {
                states.apply(try codec.decode(view))
            } catch {
                throw EngineError.undecodableEvent(position: position, problem: "\(error)")
            }
            return true
        }
        return states
    }
}
