/// How a buyer pays.
public enum PaymentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Alipay.
    case alipay
    /// WeChat Pay.
    case wechatPay = "wechat_pay"
    /// UnionPay cards.
    case unionpay
    /// International cards.
    case card
    /// Bank transfer.
    case bankTransfer = "bank_transfer"
    /// The member's store credit balance.
    case storeCredit = "store_credit"
}

/// What a payment provider reported in a callback.
public enum CallbackOutcome: Sendable, Hashable, Codable {
    /// The provider captured this much.
    case captured(Money)
    /// The provider refunded this much.
    case refunded(Money)
    /// The provider voided the authorization.
    case voided
    /// The provider reports a failure.
    case failed(reason: String)
}

/// What can be asked of one payment.
public enum PaymentCommand: Sendable, Hashable, Codable {
    /// Open the payment with an authorization no larger than what the order owes.
    case authorize(
        order: OrderID, member: MemberID, method: PaymentMethod, amount: Money, amountDue: Money, at: Timestamp)
    /// Take all or part of the authorized money.
    case capture(amount: Money, at: Timestamp)
    /// Drop an authorization nothing was captured from.
    case void(at: Timestamp)
    /// Give up part or all of what is authorized and not captured, so the order can be paid
    /// another way or no longer owes it.
    case releaseAuthorization(amount: Money, at: Timestamp)
    /// Give back all or part of the captured money.
    case refund(amount: Money, at: Timestamp)
    /// Mark an authorization nothing was captured from as failed.
    case fail(reason: String, at: Timestamp)
    /// Apply a provider callback once; a repeated provider event id changes nothing.
    case recordCallback(providerEvent: ProviderEventID, outcome: CallbackOutcome, at: Timestamp)
}
