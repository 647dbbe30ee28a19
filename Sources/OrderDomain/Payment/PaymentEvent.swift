/// What happened to one payment; a storage format whose meaning never changes.
public enum PaymentEvent: Sendable, Hashable, Codable {
    /// Money was authorized for an order.
    case authorized(
        order: OrderID, member: MemberID, method: PaymentMethod, amount: Money, amountDue: Money, at: Timestamp)
    /// Money was captured.
    case captured(amount: Money, at: Timestamp)
    /// The authorization was dropped.
    case voided(at: Timestamp)
    /// Money was refunded.
    case refunded(amount: Money, at: Timestamp)
    /// The payment failed.
    case failed(reason: String, at: Timestamp)
    /// Part of the authorization was given up uncaptured.
    case authorizationReleased(amount: Money, at: Timestamp)
    /// A provider callback was applied; its id is remembered so a repeat is ignored.
    case callbackRecorded(providerEvent: ProviderEventID, at: Timestamp)

    /// The stable tag the engine stores with the record; never reassigned.
    public var typeTag: UInt16 {
        switch self {
        case .authorized: 401
        case .captured: 402
        case .voided: 403
        case .refunded: 404
        case .failed: 405
        case .callbackRecorded: 406
        case .authorizationReleased: 407
        }
    }
}
