import Hummingbird
import OrderEngine

extension CommandRoute {
    static let payments: [CommandRoute] = [
        CommandRoute("payments.authorize", .post, "/v1/payments", .staffOrOwner(.operations)) { input throws(Problem) in
            let body = try input.body(AuthorizePaymentBody.self)
            return .authorizePayment(
                body.payment, order: body.order, method: body.method, amount: body.amount, at: input.now)
        },
        CommandRoute("payments.capture", .post, "/v1/payments/{payment}/capture", .staff(.operations)) {
            input throws(Problem) in
            .payment(try input.id("payment"), .capture(amount: try input.body(AmountBody.self).amount, at: input.now))
        },
        CommandRoute("payments.void", .post, "/v1/payments/{payment}/void", .staff(.operations)) {
            input throws(Problem) in
            .payment(try input.id("payment"), .void(at: input.now))
        },
        CommandRoute("payments.release", .post, "/v1/payments/{payment}/release", .staff(.operations)) {
            input throws(Problem) in
            .payment(
                try input.id("payment"),
                .releaseAuthorization(amount: try input.body(AmountBody.self).amount, at: input.now))
        },
        CommandRoute("payments.refund", .post, "/v1/payments/{payment}/refund", .staff(.operations)) {
            input throws(Problem) in
            .payment(try input.id("payment"), .refund(amount: try input.body(AmountBody.self).amount, at: input.now))
        },
        CommandRoute("payments.fail", .post, "/v1/payments/{payment}/fail", .staff(.operations)) {
            input throws(Problem) in
            .payment(try input.id("payment"), .fail(reason: try input.body(ReasonBody.self).reason, at: input.now))
        },
    ]
}

struct AuthorizePaymentBody: Decodable {
    let payment: PaymentID
    let order: OrderID
    let method: PaymentMethod
    let amount: Money
}

struct AmountBody: Decodable {
    let amount: Money
}
