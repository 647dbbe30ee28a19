import OrderDomain

extension MemberProfile: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        try writer.writeFields(displayName, email, phone)
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        self.init(displayName: try reader.read(), email: try reader.read(), phone: try reader.read())
    }
}

extension MemberEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .registered(let profile, let at): try writer.writeCase("registered", profile, at)
        case .profileUpdated(let profile, let at): try writer.writeCase("profileUpdated", profile, at)
        case .addressAdded(let id, let address, let at): try writer.writeCase("addressAdded", id, address, at)
        case .addressChanged(let id, let address, let at): try writer.writeCase("addressChanged", id, address, at)
        case .addressRemoved(let id, let at): try writer.writeCase("addressRemoved", id, at)
        case .defaultAddressSet(let id, let at): try writer.writeCase("defaultAddressSet", id, at)
        case .favouriteAdded(let sku, let at): try writer.writeCase("favouriteAdded", sku, at)
        case .favouriteRemoved(let sku, let at): try writer.writeCase("favouriteRemoved", sku, at)
        case .tierChanged(let from, let to, let at): try writer.writeCase("tierChanged", from, to, at)
        case .pointsEarned(let order, let points, let at): try writer.writeCase("pointsEarned", order, points, at)
        case .pointsRedeemed(let order, let points, let at): try writer.writeCase("pointsRedeemed", order, points, at)
        case .pointsRestored(let order, let points, let at): try writer.writeCase("pointsRestored", order, points, at)
        case .pointsReversed(let order, let points, let at): try writer.writeCase("pointsReversed", order, points, at)
        case .storeCreditAdded(let amount, let reason, let at):
            try writer.writeCase("storeCreditAdded", amount, reason, at)
        case .storeCreditSpent(let amount, let reason, let at):
            try writer.writeCase("storeCreditSpent", amount, reason, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "registered": self = .registered(try reader.read(), at: try reader.read())
        case "profileUpdated": self = .profileUpdated(try reader.read(), at: try reader.read())
        case "addressAdded": self = .addressAdded(try reader.read(), try reader.read(), at: try reader.read())
        case "addressChanged": self = .addressChanged(try reader.read(), try reader.read(), at: try reader.read())
        case "addressRemoved": self = .addressRemoved(try reader.read(), at: try reader.read())
        case "defaultAddressSet": self = .defaultAddressSet(try reader.read(), at: try reader.read())
        case "favouriteAdded": self = .favouriteAdded(try reader.read(), at: try reader.read())
        case "favouriteRemoved": self = .favouriteRemoved(try reader.read(), at: try reader.read())
        case "tierChanged": self = .tierChanged(from: try reader.read(), to: try reader.read(), at: try reader.read())
        case "pointsEarned": self = .pointsEarned(order: try reader.read(), points: try reader.read(), at: try reader.read())
        case "pointsRedeemed":
            self = .pointsRedeemed(order: try reader.read(), points: try reader.read(), at: try reader.read())
        case "pointsRestored":
            self = .pointsRestored(order: try reader.read(), points: try reader.read(), at: try reader.read())
        case "pointsReversed":
            self = .pointsReversed(order: try reader.read(), points: try reader.read(), at: try reader.read())
        case "storeCreditAdded":
            self = .storeCreditAdded(try reader.read(), reason: try reader.read(), at: try reader.read())
        case "storeCreditSpent":
            self = .storeCreditSpent(try reader.read(), reason: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
