import Hummingbird
import OrderEngine

extension CommandRoute {
    static let afterSales: [CommandRoute] = [
        CommandRoute("after_sales.request", .post, "/v1/after-sales", .staffOrOwner(.operations)) {
            input throws(Problem) in
            let body = try input.body(RequestAfterSaleBody.self)
            return .requestAfterSale(
                body.afterSale, order: body.order, member: try input.member(body.member), kind: try body.afterSaleKind(),
                lines: body.lines, reason: body.reason, at: input.now)
        },
        CommandRoute("after_sales.approve", .post, "/v1/after-sales/{afterSale}/approve", .staff(.operations)) {
            input throws(Problem) in
            .afterSale(try input.id("afterSale"), .approve(at: input.now))
        },
        CommandRoute("after_sales.decline", .post, "/v1/after-sales/{afterSale}/decline", .staff(.operations)) {
            input throws(Problem) in
            .afterSale(try input.id("afterSale"), .decline(reason: try input.body(ReasonBody.self).reason, at: input.now))
        },
        CommandRoute("after_sales.receive_goods", .post, "/v1/after-sales/{afterSale}/receive", .staff(.operations)) {
            input throws(Problem) in
            let body = try input.body(ReceiveGoodsBody.self)
            return .afterSale(
                try input.id("afterSale"),
                .receiveGoods(warehouse: body.warehouse, good: body.good, damaged: body.damaged, at: input.now))
        },
        CommandRoute("after_sales.refund", .post, "/v1/after-sales/{afterSale}/refund", .staff(.operations)) {
            input throws(Problem) in
            let body = try input.body(AfterSaleRefundBody.self)
            return .refundAfterSale(try input.id("afterSale"), payment: body.payment, amount: body.amount, at: input.now)
        },
        CommandRoute(
            "after_sales.arrange_replacement", .post, "/v1/after-sales/{afterSale}/replacement", .staff(.operations)
        ) { input throws(Problem) in
            let body = try input.body(ReplacementBody.self)
            return .arrangeReplacement(
                try input.id("afterSale"), shipment: body.shipment, warehouse: body.warehouse, at: input.now)
        },
        CommandRoute("after_sales.close", .post, "/v1/after-sales/{afterSale}/close", .staff(.operations)) {
            input throws(Problem) in
            .afterSale(try input.id("afterSale"), .close(at: input.now))
        },
    ]
}

struct RequestAfterSaleBody: Decodable {
    /// `return`, `exchange` or `claim`.
    enum Kind: String, Decodable {
        case `return`, exchange, claim
    }

    let afterSale: AfterSaleID
    let order: OrderID
    let member: MemberID?
    let kind: Kind
    let lines: [LineQuantity]
    let reason: String
    /// For exchanges: what to send instead.
    let replacements: [LineQuantity]?
    /// For claims: `missing`, `wrong` or `damaged`.
    let claimType: ClaimType?

    func afterSaleKind() throws(Problem) -> AfterSaleKind {
        switch kind {
        case .return:
            return .return
        case .exchange:
            guard let replacements else { throw .invalid("replacements", "is required for an exchange") }
            return .exchange(replacements: replacements)
        case .claim:
            guard let claimType else { throw .invalid("claimType", "is required for a claim") }
            return .claim(claimType)
        }
    }
}

struct ReceiveGoodsBody: Decodable {
    let warehouse: WarehouseID
    let good: [LineQuantity]
    let damaged: [LineQuantity]
}

struct AfterSaleRefundBody: Decodable {
    let payment: PaymentID
    let amount: Money
}

struct ReplacementBody: Decodable {
    let shipment: ShipmentID
    let warehouse: WarehouseID
}
