import OrderDomain

/// A payload: the aggregate's id, then the aggregate's event.
extension DomainEvent: BinaryWritable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .catalog(let id, let event): try writer.writeFields(id, event)
        case .stock(let id, let event): try writer.writeFields(id, event)
        case .order(let id, let event): try writer.writeFields(id, event)
        case .payment(let id, let event): try writer.writeFields(id, event)
        case .shipment(let id, let event): try writer.writeFields(id, event)
        case .afterSale(let id, let event): try writer.writeFields(id, event)
        case .member(let id, let event): try writer.writeFields(id, event)
        case .coupon(let id, let event): try writer.writeFields(id, event)
        }
    }
}

extension DomainEvent {
    /// Reads a payload; the hundreds of a type tag name the aggregate, and so the types of the
    /// id and the event.
    init(aggregate: UInt16, from reader: inout BinaryReader) throws(EventCodecError) {
        switch aggregate {
        case 1: self = .catalog(try reader.read(), try reader.read())
        case 2: self = .stock(try reader.read(), try reader.read())
        case 3: self = .order(try reader.read(), try reader.read())
        case 4: self = .payment(try reader.read(), try reader.read())
        case 5: self = .shipment(try reader.read(), try reader.read())
        case 6: self = .afterSale(try reader.read(), try reader.read())
        case 7: self = .member(try reader.read(), try reader.read())
        case 8: self = .coupon(try reader.read(), try reader.read())
        default: throw .unknownTypeTag(aggregate * 100)
        }
    }
}
