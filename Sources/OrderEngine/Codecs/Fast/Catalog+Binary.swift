import OrderDomain

extension SKUAttribute: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(name, value)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(name: try reader.read(), value: try reader.read())
    }
}

extension SKUDefinition: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(id, title, price, attributes, categoryPath, backorderAllowed)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            id: try reader.read(), title: try reader.read(), price: try reader.read(), attributes: try reader.read(),
            categoryPath: try reader.read(), backorderAllowed: try reader.read())
    }
}

extension CatalogEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .registered(let definition, let at):
            try writer.writeCase("registered", definition, at)
        case .priceChanged(let from, let to, let at):
            try writer.writeCase("priceChanged", from, to, at)
        case .listed(let at):
            try writer.writeCase("listed", at)
        case .delisted(let at):
            try writer.writeCase("delisted", at)
        case .backorderPolicyChanged(let allowed, let at):
            try writer.writeCase("backorderPolicyChanged", allowed, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "registered": self = .registered(try reader.read(), at: try reader.read())
        case "priceChanged": self = .priceChanged(from: try reader.read(), to: try reader.read(), at: try reader.read())
        case "listed": self = .listed(at: try reader.read())
        case "delisted": self = .delisted(at: try reader.read())
        case "backorderPolicyChanged": self = .backorderPolicyChanged(allowed: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
