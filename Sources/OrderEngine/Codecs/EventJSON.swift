#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import OrderDomain

/// Renders events as JSON for the edges (export, HTTP); the log itself never stores JSON.
///
/// One object per event with sorted keys and no whitespace, so the same event always gives the
/// same line: `{"event":{...},"id":...,"stream":"order-o1","type":"order.placed","typeTag":301}`.
/// `event` is the aggregate's event as its synthesized `Codable` conformance writes it
/// (`{"<case>":{"<label>":...}}`, unlabeled values as `_0`, `_1`); `id` is the aggregate id.
public enum EventJSON {
    /// The event as one line of UTF-8 JSON.
    public static func data(_ event: DomainEvent) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            switch event {
            case .catalog(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .stock(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .order(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .payment(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .shipment(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .afterSale(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .member(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            case .coupon(let id, let inner): return try encoder.encode(Envelope(event, id: id, inner))
            }
        } catch {
            preconditionFailure("domain event \(event.typeName) has no JSON form: \(error)")
        }
    }

    /// The event as one line of JSON text.
    public static func string(_ event: DomainEvent) -> String {
        String(decoding: data(event), as: UTF8.self)
    }

    struct Envelope<ID: Encodable, Event: Encodable>: Encodable {
        let type: String
        let typeTag: UInt16
        let stream: String
        let id: ID
        let event: Event

        init(_ domainEvent: DomainEvent, id: ID, _ event: Event) {
            self.type = domainEvent.typeName
            self.typeTag = domainEvent.typeTag
            self.stream = domainEvent.streamId
            self.id = id
            self.event = event
        }
    }
}
