import Hummingbird
import OrderEngine

extension CommandRoute {
    static let orders: [CommandRoute] = [
        CommandRoute("orders.place", .post, "/v1/orders", .staffOrOwner(.operations)) { input throws(Problem) in
            let body = try input.body(PlaceOrderBody.self)
            return .placeOrder(
                PlaceOrder(
                    order: body.order, member: try input.member(body.member), lines: body.lines,
                    shippingAddress: body.shippingAddress, coupon: body.coupon, pointsToRedeem: body.pointsToRedeem ?? 0,
                    at: input.now))
        },
        CommandRoute("orders.cancel", .post, "/v1/orders/{order}/cancel", .staffOrOwner(.operations)) {
            input throws(Problem) in
            .cancelOrder(try input.id("order"), reason: try input.body(ReasonBody.self).reason, at: input.now)
        },
        CommandRoute("orders.hold", .post, "/v1/orders/{order}/hold", .staff(.operations)) { input throws(Problem) in
            .holdOrder(try input.id("order"), reason: try input.body(ReasonBody.self).reason, at: input.now)
        },
        CommandRoute("orders.release_hold", .post, "/v1/orders/{order}/release-hold", .staff(.operations)) {
            input throws(Problem) in
            .releaseOrderHold(try input.id("order"), at: input.now)
        },
        CommandRoute("orders.complete", .post, "/v1/orders/{order}/complete", .staff(.operations)) {
            input throws(Problem) in
            .completeOrder(try input.id("order"), at: input.now)
        },
        CommandRoute("orders.expire", .post, "/v1/orders/{order}/expire", .staff(.operations)) {
            input throws(Problem) in
            .expireOrder(try input.id("order"), at: input.now)
        },
    ]
}

struct PlaceOrderBody: Decodable {
    let order: OrderID
    let member: MemberID?
    let lines: [LineQuantity]
    let shippingAddress: PostalAddress
    let coupon: CouponCode?
    let pointsToRedeem: Int64?
}

struct ReasonBody: Decodable {
    let reason: String
}
