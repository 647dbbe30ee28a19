import OrderDomain

extension EventCodec {
    /// Encodes an event at its type's current schema version. Domain events always encode: their
    /// sizes are validated far below the format's limits, so a failure here is a bug.
    public func encode(_ event: DomainEvent) -> (eventType: UInt16, schemaVersion: UInt16, payload: [UInt8]) {
        let encoding = BinaryEncoding(limits: encoder.limits)
        encoding.writer.bytes.reserveCapacity(256)
        do {
            switch event {
            case .catalog(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .stock(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .order(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .payment(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .shipment(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .afterSale(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .member(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            case .coupon(let id, let inner): try encoding.encodeIdAndEvent(id, inner)
            }
        } catch {
            preconditionFailure("domain event \(event.typeName) does not encode: \(EventCodecError(error))")
        }
        if let error = encoding.deferredError { preconditionFailure("domain event does not encode: \(error)") }
        let eventType = event.typeTag
        return (eventType, schemaVersion(of: eventType), encoding.writer.bytes)
    }

    /// The event ready to append: its stream, tag, version and payload with the given metadata.
    public func proposedEvent(_ event: DomainEvent, metadata: EventMetadata) -> ProposedEvent {
        let (eventType, schemaVersion, payload) = encode(event)
        return ProposedEvent(
            streamId: event.streamId, eventType: eventType, schemaVersion: schemaVersion, metadata: metadata,
            payload: payload)
    }
}

extension BinaryEncoding {
    func encodeIdAndEvent<ID: Encodable, Event: Encodable>(_ id: ID, _ event: Event) throws {
        try encodeValue(id)
        try encodeValue(event)
    }
}
