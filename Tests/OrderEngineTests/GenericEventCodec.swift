import OrderDomain
import OrderEngine

/// Events through the generic `Codable` path of `BinaryEncoder` and `BinaryDecoder`: the oracle
/// the hand-written codecs behind `EventCodec` must agree with, byte for byte and error for error.
struct GenericEventCodec {
    /// A payload as the format defines it: the aggregate's id, then its event.
    struct Payload<ID: Codable, Event: Codable>: Codable {
        let id: ID
        let event: Event
    }

    var limits: BinaryCodingLimits = .standard

    func encode(_ event: DomainEvent) throws(EventCodecError) -> [UInt8] {
        let encoder = BinaryEncoder(limits: limits)
        switch event {
        case .catalog(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .stock(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .order(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .payment(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .shipment(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .afterSale(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .member(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        case .coupon(let id, let inner): return try encoder.encode(Payload(id: id, event: inner))
        }
    }

    /// Decodes a payload of a known tag at the current version, as `EventCodec` does.
    func decode(eventType: UInt16, payload: [UInt8]) throws(EventCodecError) -> DomainEvent {
        let event: DomainEvent
        switch eventType / 100 {
        case 1: event = try decode(payload, SKUID.self, CatalogEvent.self) { .catalog($0, $1) }
        case 2: event = try decode(payload, StockItemID.self, StockEvent.self) { .stock($0, $1) }
        case 3: event = try decode(payload, OrderID.self, OrderEvent.self) { .order($0, $1) }
        case 4: event = try decode(payload, PaymentID.self, PaymentEvent.self) { .payment($0, $1) }
        case 5: event = try decode(payload, ShipmentID.self, ShipmentEvent.self) { .shipment($0, $1) }
        case 6: event = try decode(payload, AfterSaleID.self, AfterSaleEvent.self) { .afterSale($0, $1) }
        case 7: event = try decode(payload, MemberID.self, MemberEvent.self) { .member($0, $1) }
        case 8: event = try decode(payload, CouponCode.self, CouponEvent.self) { .coupon($0, $1) }
        default: throw .unknownTypeTag(eventType)
        }
        guard event.typeTag == eventType else { throw .typeTagMismatch(recorded: eventType, decoded: event.typeTag) }
        return event
    }

    private func decode<ID: Codable, Event: Codable>(
        _ payload: [UInt8], _ id: ID.Type, _ event: Event.Type, _ make: (ID, Event) -> DomainEvent
    ) throws(EventCodecError) -> DomainEvent {
        let decoded = try BinaryDecoder(limits: limits).decode(Payload<ID, Event>.self, from: payload)
        return make(decoded.id, decoded.event)
    }
}
