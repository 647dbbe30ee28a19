import OrderDomain

extension AfterSaleKind: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .return: try writer.writeCase("return")
        case .exchange(let replacements): try writer.writeCase("exchange", replacements)
        case .claim(let type): try writer.writeCase("claim", type)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "return": self = .return
        case "exchange": self = .exchange(replacements: try reader.read())
        case "claim": self = .claim(try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}

extension AfterSaleEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .requested(let order, let member, let kind, let lines, let reason, let at):
            try writer.writeCase("requested", order, member, kind, lines, reason, at)
        case .approved(let at):
            try writer.writeCase("approved", at)
        case .declined(let reason, let at):
            try writer.writeCase("declined", reason, at)
        case .goodsReceived(let warehouse, let good, let damaged, let at):
            try writer.writeCase("goodsReceived", warehouse, good, damaged, at)
        case .refunded(let payment, let amount, let at):
            try writer.writeCase("refunded", payment, amount, at)
        case .replacementArranged(let shipment, let priceDifference, let at):
            try writer.writeCase("replacementArranged", shipment, priceDifference, at)
        case .closed(let at):
            try writer.writeCase("closed", at)
        case .replacementCancelled(let shipment, let at):
            try writer.writeCase("replacementCancelled", shipment, at)
        case .differenceOwed(let amount, let at):
            try writer.writeCase("differenceOwed", amount, at)
        case .differencePaid(let amount, let at):
            try writer.writeCase("differencePaid", amount, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "requested":
            self = .requested(
                order: try reader.read(), member: try reader.read(), kind: try reader.read(), lines: try reader.read(),
                reason: try reader.read(), at: try reader.read())
        case "approved": self = .approved(at: try reader.read())
        case "declined": self = .declined(reason: try reader.read(), at: try reader.read())
        case "goodsReceived":
            self = .goodsReceived(
                warehouse: try reader.read(), good: try reader.read(), damaged: try reader.read(), at: try reader.read())
        case "refunded": self = .refunded(payment: try reader.read(), amount: try reader.read(), at: try reader.read())
        case "replacementArranged":
            self = .replacementArranged(
                shipment: try reader.read(), priceDifference: try reader.read(), at: try reader.read())
        case "closed": self = .closed(at: try reader.read())
        case "replacementCancelled": self = .replacementCancelled(shipment: try reader.read(), at: try reader.read())
        case "differenceOwed": self = .differenceOwed(amount: try reader.read(), at: try reader.read())
        case "differencePaid": self = .differencePaid(amount: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
