import Foundation
import OrderDomain

@testable import EventLog
@testable import OrderEngine

/// Every decoder that reads bytes from outside: the log's record decoder, the event codec, stored
/// order and member views, and JSON commands. To fuzz another decoder, add one line to `all` with a target for it.
enum FuzzTargets {
    static let all: [FuzzTarget] = [record, recordWithChecksumFixed, eventCodec, storedOrderView, storedMember, domainCommandJSON]

    /// Stored records as read from disk: most mutations fail the checksum.
    static let record = FuzzTarget(name: "record", seeds: recordSeeds, isJSON: false) { bytes throws(FuzzTarget.Finding) in
        try decodeRecord(bytes)
    }

    /// Stored records whose checksum is made to match after mutation, so the structure checks
    /// behind it are reached: what a forged record looks like.
    static let recordWithChecksumFixed = FuzzTarget(name: "record, checksum fixed", seeds: recordSeeds, isJSON: false) {
        bytes throws(FuzzTarget.Finding) in
        var bytes = bytes
        if bytes.count >= 4 {
            let checksum = bytes.withUnsafeBytes { RecordCodec.checksum(of: $0, position: recordPosition) }
            withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(0..<4, with: $0) }
        }
        return try decodeRecord(bytes)
    }

    /// An event type tag (2 bytes, little-endian) and a payload, through `EventCodec().decode`
    /// (the hand-written codecs). What it decodes must equal what the generic `Codable` path
    /// decodes, error for error, and must encode back to an event that decodes the same.
    static let eventCodec = FuzzTarget(name: "event codec", seeds: eventSeeds, isJSON: false) { bytes throws(FuzzTarget.Finding) in
        guard bytes.count >= 2 else { return .refused }
        let eventType = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
        let payload = Array(bytes[2...])
        let codec = EventCodec()
        let fast = Result { () throws(EventCodecError) in try codec.decode(eventType: eventType, schemaVersion: 1, payload: payload) }
        let generic = Result { () throws(EventCodecError) in
            guard DomainEvent.typeName(forTag: eventType) != nil else { throw .unknownTypeTag(eventType) }
            return try GenericEventCodec().decode(eventType: eventType, payload: payload)
        }
        guard fast == generic else { throw FuzzTarget.Finding(description: "hand-written \(fast) but generic \(generic)") }
        guard case .success(let event) = fast else { return .refused }
        let encoded = codec.encode(event)
        let again = Result { () throws(EventCodecError) in
            try codec.decode(eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, payload: encoded.payload)
        }
        guard again == .success(event) else { throw FuzzTarget.Finding(description: "\(event) encodes to bytes that decode to \(again)") }
        return .decoded
    }

    /// A row of the order-status projection, through the hand-written reader that order queries
    /// use. What it reads must equal what the generic `Codable` path reads, error for error.
    static let storedOrderView = FuzzTarget(name: "stored order view", seeds: orderViewSeeds, isJSON: false) {
        bytes throws(FuzzTarget.Finding) in try readStored(bytes, as: OrderView.self)
    }

    /// A member view, likewise.
    static let storedMember = FuzzTarget(name: "stored member view", seeds: memberSeeds, isJSON: false) {
        bytes throws(FuzzTarget.Finding) in try readStored(bytes, as: MemberState.self)
    }

    private static func readStored<Value: BinaryReadable & Decodable & Equatable>(
        _ bytes: [UInt8], as type: Value.Type
    ) throws(FuzzTarget.Finding) -> FuzzTarget.Verdict {
        let byHand: Result<Value, EventCodecError>
        do {
            byHand = .success(try bytes.withUnsafeBytes { try Value(stored: $0, limits: .standard) })
        } catch let error as EventCodecError {
            byHand = .failure(error)
        } catch {
            throw FuzzTarget.Finding(description: "an error that is not an EventCodecError: \(error)")
        }
        let generic = Result { () throws(EventCodecError) in try BinaryDecoder().decode(Value.self, from: bytes) }
        guard byHand == generic else { throw FuzzTarget.Finding(description: "hand-written \(byHand) but generic \(generic)") }
        guard case .success = byHand else { return .refused }
        return .decoded
    }

    /// A `DomainCommand` as JSON. A command that decodes must survive an encoding round trip, and
    /// deciding it against a small shop must give events or a refusal, never a trap.
    static let domainCommandJSON = FuzzTarget(name: "DomainCommand JSON", seeds: commandSeeds, isJSON: true) {
        bytes throws(FuzzTarget.Finding) in
        let command: DomainCommand
        do {
            command = try JSONDecoder().decode(DomainCommand.self, from: Data(bytes))
        } catch is DecodingError {
            return .refused
        } catch {
            throw FuzzTarget.Finding(description: "an error that is not a DecodingError: \(error)")
        }
        let again = try? JSONDecoder().decode(DomainCommand.self, from: JSONEncoder().encode(command))
        guard again == command else { throw FuzzTarget.Finding(description: "\(command) does not survive a round trip") }
        var states = FuzzShop.states
        if let events = try? Domain.decide(command, states, .standard) { states.apply(events) }
        return .decoded
    }

    static let recordPosition: UInt64 = 7

    private static func decodeRecord(_ bytes: [UInt8]) throws(FuzzTarget.Finding) -> FuzzTarget.Verdict {
        do {
            let event = try bytes.withUnsafeBytes { try RecordCodec.decode($0, position: recordPosition) }
            guard event.payload.count <= bytes.count - RecordCodec.headerBytes else {
                throw FuzzTarget.Finding(description: "a payload longer than its record")
            }
            return .decoded
        } catch EventLogError.corruptRecord(position: recordPosition, _) {
            return .refused
        } catch let finding as FuzzTarget.Finding {
            throw finding
        } catch {
            throw FuzzTarget.Finding(description: "an error that is not corruptRecord at \(recordPosition): \(error)")
        }
    }

    static var eventSeeds: [[UInt8]] {
        (EventSamples.all + EventSamples.variants).map { event in
            let encoded = EventCodec().encode(event)
            return [UInt8(encoded.eventType & 0xFF), UInt8(encoded.eventType >> 8)] + encoded.payload
        }
    }

    static var recordSeeds: [[UInt8]] {
        let id = UUID(uuid: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))
        let metadata = EventMetadata(
            commandId: id, correlationId: id, causationId: id, timestampMicroseconds: 1_700_000_000_000_000, actor: "member:m-42")
        return (EventSamples.all + EventSamples.variants).map { event in
            let proposed = EventCodec().proposedEvent(event, metadata: metadata)
            var bytes = [UInt8](repeating: 0, count: RecordCodec.encodedBytes(proposed))
            bytes.withUnsafeMutableBytes { RecordCodec.encode(proposed, position: recordPosition, streamVersion: 3, into: $0) }
            return bytes
        }
    }

    static var orderViewSeeds: [[UInt8]] {
        (try! OrderStatusProjection.allRows(FuzzShop.states)).map(\.value)
    }

    static var memberSeeds: [[UInt8]] {
        FuzzShop.states.members.values.map { try! $0.binaryBytes() }
    }

    static var commandSeeds: [[UInt8]] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return FuzzShop.commands.map { Array(try! encoder.encode($0)) }
    }
}
