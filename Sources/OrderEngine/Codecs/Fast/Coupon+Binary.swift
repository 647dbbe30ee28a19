import OrderDomain

extension CouponDiscount: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .fixed(let amount): try writer.writeCase("fixed", amount)
        case .percentage(let basisPoints): try writer.writeCase("percentage", basisPoints)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "fixed": self = .fixed(try reader.read())
        case "percentage": self = .percentage(basisPoints: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}

extension CouponScope: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .everything: try writer.writeCase("everything")
        case .skus(let skus): try writer.writeCase("skus", skus)
        case .categories(let paths): try writer.writeCase("categories", paths)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "everything": self = .everything
        case "skus": self = .skus(try reader.read())
        case "categories": self = .categories(try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}

extension CouponDefinition: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(code, discount, minimumSpend, validFrom, validUntil, scope, usageLimit, perMemberLimit)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(
            code: try reader.read(), discount: try reader.read(), minimumSpend: try reader.read(),
            validFrom: try reader.read(), validUntil: try reader.read(), scope: try reader.read(),
            usageLimit: try reader.read(), perMemberLimit: try reader.read())
    }
}

extension CouponEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .defined(let definition, let at): try writer.writeCase("defined", definition, at)
        case .disabled(let at): try writer.writeCase("disabled", at)
        case .redeemed(let order, let member, let at): try writer.writeCase("redeemed", order, member, at)
        case .released(let order, let member, let at): try writer.writeCase("released", order, member, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "defined": self = .defined(try reader.read(), at: try reader.read())
        case "disabled": self = .disabled(at: try reader.read())
        case "redeemed": self = .redeemed(order: try reader.read(), member: try reader.read(), at: try reader.read())
        case "released": self = .released(order: try reader.read(), member: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
