import Hummingbird
import OrderEngine

extension CommandRoute {
    static let catalog: [CommandRoute] = [
        CommandRoute("skus.register", .post, "/v1/skus", .staff(.admin)) { input throws(Problem) in
            let body = try input.body(RegisterSKUBody.self)
            let definition = SKUDefinition(
                id: body.sku, title: body.title, price: body.price, attributes: body.attributes ?? [],
                categoryPath: body.categoryPath, backorderAllowed: body.backorderAllowed ?? false)
            return .catalog(body.sku, .register(definition, at: input.now))
        },
        CommandRoute("skus.change_price", .put, "/v1/skus/{sku}/price", .staff(.admin)) { input throws(Problem) in
            .catalog(try input.id("sku"), .changePrice(try input.body(PriceBody.self).price, at: input.now))
        },
        CommandRoute("skus.list", .post, "/v1/skus/{sku}/list", .staff(.admin)) { input throws(Problem) in
            .catalog(try input.id("sku"), .list(at: input.now))
        },
        CommandRoute("skus.delist", .post, "/v1/skus/{sku}/delist", .staff(.admin)) { input throws(Problem) in
            .catalog(try input.id("sku"), .delist(at: input.now))
        },
        CommandRoute("skus.set_backorder", .put, "/v1/skus/{sku}/backorder", .staff(.admin)) { input throws(Problem) in
            .catalog(try input.id("sku"), .setBackorderAllowed(try input.body(BackorderBody.self).allowed, at: input.now))
        },
    ]
}

struct RegisterSKUBody: Decodable {
    let sku: SKUID
    let title: String
    let price: Money
    let attributes: [SKUAttribute]?
    let categoryPath: [String]
    let backorderAllowed: Bool?
}

struct PriceBody: Decodable {
    let price: Money
}

struct BackorderBody: Decodable {
    let allowed: Bool
}
