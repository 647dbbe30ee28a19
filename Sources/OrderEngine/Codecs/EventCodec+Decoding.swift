import OrderDomain

extension EventCodec {
    /// Decodes a stored event, upcasting an old schema version first.
    public func decode(
        eventType: UInt16, schemaVersion: UInt16, payload: [UInt8]
    ) throws(EventCodecError) -> DomainEvent {
        try checkKnown(eventType: eventType, schemaVersion: schemaVersion)
        let current = try upcast(eventType: eventType, schemaVersion: schemaVersion, payload: payload)
        var result: Result<DomainEvent, EventCodecError> = .failure(.truncated)
        current.withUnsafeBytes { bytes in
            do throws(EventCodecError) {
                result = .success(try decodeCurrent(eventType: eventType, payload: bytes))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// Decodes a stored event.
    public func decode(_ record: RecordedEvent) throws(EventCodecError) -> DomainEvent {
        try decode(eventType: record.eventType, schemaVersion: record.schemaVersion, payload: record.payload)
    }

    /// Decodes a borrowed record in place; only an old schema version copies the payload.
    public func decode(_ record: RecordView) throws(EventCodecError) -> DomainEvent {
        let eventType = record.eventType
        let current = try checkKnown(eventType: eventType, schemaVersion: record.schemaVersion)
        guard record.schemaVersion == current else {
            return try decode(eventType: eventType, schemaVersion: record.schemaVersion, payload: Array(record.payload))
        }
        return try decodeCurrent(eventType: eventType, payload: record.payload)
    }

    /// Refuses a tag no event type has and a version this codec cannot read; returns the type's
    /// current version.
    @discardableResult
    func checkKnown(eventType: UInt16, schemaVersion: UInt16) throws(EventCodecError) -> UInt16 {
        guard let current = currentVersion(ofTag: eventType) else { throw .unknownTypeTag(eventType) }
        guard schemaVersion >= Self.schemaVersionInitial, schemaVersion <= current else {
            throw .unsupportedSchemaVersion(eventType: eventType, schemaVersion: schemaVersion)
        }
        return current
    }

    /// Applies upcasters, one version at a time, until the payload has the current shape.
    func upcast(eventType: UInt16, schemaVersion: UInt16, payload: [UInt8]) throws(EventCodecError) -> [UInt8] {
        var bytes = payload
        var version = schemaVersion
        while version < self.schemaVersion(of: eventType) {
            guard let upcaster = upcasters[EventUpcaster.Key(eventType: eventType, fromVersion: version)] else {
                throw .unsupportedSchemaVersion(eventType: eventType, schemaVersion: schemaVersion)
            }
            bytes = try upcaster.rewrite(bytes)
            version += 1
        }
        return bytes
    }

    func decodeCurrent(eventType: UInt16, payload: UnsafeRawBufferPointer) throws(EventCodecError) -> DomainEvent {
        var reader = BinaryReader(payload, limits: limits)
        let event = try DomainEvent(aggregate: eventType / 100, from: &reader)
        guard reader.remainingByteCount == 0 else {
            throw .malformed("\(reader.remainingByteCount) bytes after the value")
        }
        guard event.typeTag == eventType else { throw .typeTagMismatch(recorded: eventType, decoded: event.typeTag) }
        return event
    }
}
