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
        try checkKnown(eventType: eventType, schemaVersion: record.schemaVersion)
        guard record.schemaVersion == schemaVersion(of: eventType) else {
            return try decode(eventType: eventType, schemaVersion: record.schemaVersion, payload: Array(record.payload))
        }
        return try decodeCurrent(eventType: eventType, payload: record.payload)
    }

    func checkKnown(eventType: UInt16, schemaVersion: UInt16) throws(EventCodecError) {
        guard DomainEvent.typeName(forTag: eventType) != nil else { throw .unknownTypeTag(eventType) }
        guard schemaVersion >= Self.schemaVersionInitial, schemaVersion <= self.schemaVersion(of: eventType) else {
            throw .unsupportedSchemaVersion(eventType: eventType, schemaVersion: schemaVersion)
        }
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
        let decoding = BinaryDecoding(payload, limits: decoder.limits)
        let event: DomainEvent
        do {
            event = try decoding.decodeDomainEvent(aggregate: eventType / 100)
        } catch {
            throw EventCodecError(error)
        }
        try decoding.expectEnd()
        guard event.typeTag == eventType else { throw .typeTagMismatch(recorded: eventType, decoded: event.typeTag) }
        return event
    }
}

extension BinaryDecoding {
    /// The hundreds of a type tag name the aggregate, and so the types of the id and the event.
    func decodeDomainEvent(aggregate: UInt16) throws -> DomainEvent {
        switch aggregate {
        case 1: .catalog(try decodeValue(SKUID.self), try decodeValue(CatalogEvent.self))
        case 2: .stock(try decodeValue(StockItemID.self), try decodeValue(StockEvent.self))
        case 3: .order(try decodeValue(OrderID.self), try decodeValue(OrderEvent.self))
        case 4: .payment(try decodeValue(PaymentID.self), try decodeValue(PaymentEvent.self))
        case 5: .shipment(try decodeValue(ShipmentID.self), try decodeValue(ShipmentEvent.self))
        case 6: .afterSale(try decodeValue(AfterSaleID.self), try decodeValue(AfterSaleEvent.self))
        case 7: .member(try decodeValue(MemberID.self), try decodeValue(MemberEvent.self))
        case 8: .coupon(try decodeValue(CouponCode.self), try decodeValue(CouponEvent.self))
        default: throw EventCodecError.unknownTypeTag(aggregate * 100)
        }
    }
}
