import OrderDomain

extension EventCodec {
    /// Room reserved for a payload up front: most events take under 100 bytes and `order.placed`
    /// about 200, so one allocation holds them.
    static let payloadByteCountExpected = 256

    /// Encodes an event at its type's current schema version. Domain events always encode: their
    /// sizes are validated far below the format's limits, so a failure here is a bug.
    public func encode(_ event: DomainEvent) -> (eventType: UInt16, schemaVersion: UInt16, payload: [UInt8]) {
        var writer = BinaryWriter(limits: limits)
        writer.bytes.reserveCapacity(Self.payloadByteCountExpected)
        do throws(EventCodecError) {
            try writer.write(event)
        } catch {
            preconditionFailure("domain event \(event.typeName) does not encode: \(error)")
        }
        let eventType = event.typeTag
        return (eventType, schemaVersion(of: eventType), writer.bytes)
    }

    /// The event ready to append: its stream, tag, version and payload with the given metadata.
    public func proposedEvent(_ event: DomainEvent, metadata: EventMetadata) -> ProposedEvent {
        let (eventType, schemaVersion, payload) = encode(event)
        return ProposedEvent(
            streamId: event.streamId, eventType: eventType, schemaVersion: schemaVersion, metadata: metadata,
            payload: payload)
    }
}
