import HTTPTypes
import Hummingbird
import OrderEngine

extension CommandRoute {
    static let stock: [CommandRoute] = [
        stockRoute("stock.receive", "receive") { body, input throws(Problem) in
            .receive(quantity: try body.required(\.quantity, "quantity"), at: input.now)
        },
        stockRoute("stock.expect", "incoming") { body, input throws(Problem) in
            .expectIncoming(quantity: try body.required(\.quantity, "quantity"), at: input.now)
        },
        stockRoute("stock.adjust", "adjust") { body, input throws(Problem) in
            .adjust(
                delta: try body.required(\.delta, "delta"), reason: try body.required(\.reason, "reason"), at: input.now)
        },
        stockRoute("stock.set_safety_stock", "safety-stock", method: .put) { body, input throws(Problem) in
            .setSafetyStock(quantity: try body.required(\.quantity, "quantity"), at: input.now)
        },
        stockRoute("stock.fill_backorder", "fill-backorder") { body, input throws(Problem) in
            .fillBackorder(
                order: try body.required(\.order, "order"), quantity: try body.required(\.quantity, "quantity"),
                at: input.now)
        },
        stockRoute("stock.dispose_damaged", "dispose-damaged") { body, input throws(Problem) in
            .disposeDamaged(quantity: try body.required(\.quantity, "quantity"), at: input.now)
        },
        stockRoute("stock.receive_transfer", "receive-transfer") { body, input throws(Problem) in
            .transferIn(
                quantity: try body.required(\.quantity, "quantity"), from: try body.required(\.from, "from"),
                at: input.now)
        },
        CommandRoute("stock.transfer", .post, "/v1/transfers", .staff(.operations)) { input throws(Problem) in
            let body = try input.body(TransferBody.self)
            return .transferStock(sku: body.sku, from: body.from, to: body.to, quantity: body.quantity, at: input.now)
        },
    ]

    /// A warehouse operation on one stock item, at `/v1/skus/{sku}/stock/{warehouse}/<action>`.
    private static func stockRoute(
        _ name: String, _ action: String, method: HTTPRequest.Method = .post,
        _ command: @escaping @Sendable (StockBody, CommandInput) throws(Problem) -> StockCommand
    ) -> CommandRoute {
        CommandRoute(name, method, "/v1/skus/{sku}/stock/{warehouse}/" + action, .staff(.operations)) {
            input throws(Problem) in
            let item = StockItemID(sku: try input.id("sku"), warehouse: try input.id("warehouse"))
            return .stock(item, try command(try input.body(StockBody.self), input))
        }
    }
}

/// The fields warehouse operations take; each operation requires its own.
struct StockBody: Decodable {
    let quantity: Int64?
    let delta: Int64?
    let reason: AdjustmentReason?
    let order: OrderID?
    let from: WarehouseID?

    func required<Value>(_ field: KeyPath<StockBody, Value?>, _ name: String) throws(Problem) -> Value {
        guard let value = self[keyPath: field] else { throw .invalid(name, "is required") }
        return value
    }
}

struct TransferBody: Decodable {
    let sku: SKUID
    let from: WarehouseID
    let to: WarehouseID
    let quantity: Int64
}
