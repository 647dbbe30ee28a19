/// Shop configuration the deciders need; passed in so the domain holds no settings of its own.
public struct DomainPolicy: Sendable, Hashable, Codable {
    /// How long an order may stay unpaid before it expires and its stock is released.
    public var paymentTimeoutMicroseconds: Int64
    /// Points a member earns per major currency unit paid on a completed order.
    public var pointsPerCurrencyUnitEarned: Int64
    /// Points a member spends per minor unit of discount at checkout.
    public var pointsRedemptionRate: Int64

    /// Creates a policy; checked with `validate()` by the engine at start-up.
    public init(
        paymentTimeoutMicroseconds: Int64 = 30 * 60 * 1_000_000,
        pointsPerCurrencyUnitEarned: Int64 = 1,
        pointsRedemptionRate: Int64 = 1
    ) {
        self.paymentTimeoutMicroseconds = paymentTimeoutMicroseconds
        self.pointsPerCurrencyUnitEarned = pointsPerCurrencyUnitEarned
        self.pointsRedemptionRate = pointsRedemptionRate
    }

    /// The shop's defaults: 30 minutes to pay, 1 point per unit, 1 point per minor unit off.
    public static let standard = DomainPolicy()

    /// Refuses a policy that would make deciders divide by zero or never expire orders.
    public func validate() throws(Refusal) {
        guard paymentTimeoutMicroseconds > 0 else { throw .validation("paymentTimeoutMicroseconds must be positive") }
        guard pointsPerCurrencyUnitEarned >= 0, pointsPerCurrencyUnitEarned <= 1_000_000 else {
            throw .validation("pointsPerCurrencyUnitEarned must be in 0...1000000")
        }
        guard pointsRedemptionRate > 0, pointsRedemptionRate <= 1_000_000 else {
            throw .validation("pointsRedemptionRate must be in 1...1000000")
        }
    }
}
