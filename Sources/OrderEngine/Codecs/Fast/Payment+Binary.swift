import OrderDomain

extension PaymentEvent: BinaryCodable {
    func write(to writer: inout BinaryWriter) throws(EventCodecError) {
        switch self {
        case .authorized(let order, let member, let method, let amount, let amountDue, let at):
            try writer.writeCase("authorized", order, member, method, amount, amountDue, at)
        case .captured(let amount, let at):
            try writer.writeCase("captured", amount, at)
        case .voided(let at):
            try writer.writeCase("voided", at)
        case .refunded(let amount, let at):
            try writer.writeCase("refunded", amount, at)
        case .failed(let reason, let at):
            try writer.writeCase("failed", reason, at)
        case .authorizationReleased(let amount, let at):
            try writer.writeCase("authorizationReleased", amount, at)
        case .callbackRecorded(let providerEvent, let at):
            try writer.writeCase("callbackRecorded", providerEvent, at)
        }
    }

    init(from reader: inout BinaryReader) throws(EventCodecError) {
        switch try reader.readCaseName(of: Self.self) {
        case "authorized":
            self = .authorized(
                order: try reader.read(), member: try reader.read(), method: try reader.read(),
                amount: try reader.read(), amountDue: try reader.read(), at: try reader.read())
        case "captured": self = .captured(amount: try reader.read(), at: try reader.read())
        case "voided": self = .voided(at: try reader.read())
        case "refunded": self = .refunded(amount: try reader.read(), at: try reader.read())
        case "failed": self = .failed(reason: try reader.read(), at: try reader.read())
        case "authorizationReleased": self = .authorizationReleased(amount: try reader.read(), at: try reader.read())
        case "callbackRecorded": self = .callbackRecorded(providerEvent: try reader.read(), at: try reader.read())
        default: throw .unknownCase(of: Self.self)
        }
    }
}
