import Testing

@Suite("HTTP: catalog and stock")
struct CatalogAndStockRouteTests {
    @Test func registersListsAndReadsASKU() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let sku = try await http.send(.get, "/v1/skus/tee", as: .reader)
            #expect(sku.status == 200)
            #expect(sku["status"] as? String == "listed")
            #expect((sku["price"] as? [String: Any])?["minorUnits"] as? Int == 9900)
            try await http.accept(.put, "/v1/skus/tee/price", #"{"price":{"minorUnits":8900,"currency":"CNY"}}"#)
            try await http.accept(.put, "/v1/skus/tee/backorder", #"{"allowed":true}"#)
            try await http.accept(.post, "/v1/skus/tee/delist")
            let after = try await http.send(.get, "/v1/skus/tee")
            #expect(after["status"] as? String == "unlisted")
            #expect(after["backorderAllowed"] as? Bool == true)
            #expect((after["price"] as? [String: Any])?["minorUnits"] as? Int == 8900)
        }
    }

    @Test func warehouseOperationsMoveTheCounts() async throws {
        try await HTTPHarness.run { http in
            try await http.seed(stock: 10)
            try await http.accept(.post, "/v1/skus/tee/stock/sh/incoming", #"{"quantity":5}"#)
            try await http.accept(.post, "/v1/skus/tee/stock/sh/adjust", #"{"delta":-2,"reason":"damage"}"#)
            try await http.accept(.put, "/v1/skus/tee/stock/sh/safety-stock", #"{"quantity":1}"#)
            try await http.accept(.post, "/v1/skus/tee/stock/sh/dispose-damaged", #"{"quantity":1}"#)
            try await http.accept(.post, "/v1/transfers", #"{"sku":"tee","from":"sh","to":"bj","quantity":3}"#)
            try await http.accept(.post, "/v1/skus/tee/stock/bj/receive-transfer", #"{"quantity":3,"from":"sh"}"#)
            let sh = try await http.send(.get, "/v1/skus/tee/stock/sh", as: .reader)
            #expect(sh["onHand"] as? Int == 5)
            #expect(sh["damaged"] as? Int == 1)
            #expect(sh["incoming"] as? Int == 5)
            #expect(sh["available"] as? Int == 4)
            let all = try await http.send(.get, "/v1/skus/tee/stock", as: .reader)
            #expect((all["total"] as? [String: Any])?["onHand"] as? Int == 8)
            #expect((all["warehouses"] as? [[String: Any]])?.count == 2)
            let low = try await http.send(.get, "/v1/stock/low?threshold=10&limit=10", as: .reader)
            #expect((low["skus"] as? [[String: Any]])?.first?["sku"] as? String == "tee")
        }
    }

    @Test func badInputIsRefusedWithFieldDetailsAndWritesNothing() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let before = try http.position()
            let badCurrency = try await http.send(
                .post, "/v1/skus", #"{"sku":"cap","title":"Cap","price":{"minorUnits":100,"currency":"XXQ"},"categoryPath":["a"]}"#)
            #expect(badCurrency.status == 400 && badCurrency.code == "validation_failed" && badCurrency.isProblem)
            #expect(((badCurrency["errors"] as? [[String: Any]])?.first?["field"] as? String) == "price.currency")
            let missing = try await http.send(.post, "/v1/skus/tee/stock/sh/receive", "{}")
            #expect(missing.status == 400 && missing.code == "validation_failed")
            let wrongType = try await http.send(.post, "/v1/skus/tee/stock/sh/receive", #"{"quantity":"five"}"#)
            #expect(wrongType.status == 400 && wrongType.code == "validation_failed")
            let negative = try await http.send(.post, "/v1/skus/tee/stock/sh/receive", #"{"quantity":-3}"#)
            #expect(negative.status == 400 && negative.code == "validation_failed")
            let badID = try await http.send(.post, "/v1/skus/\(String(repeating: "x", count: 65))/list")
            #expect(badID.status == 400 && badID.code == "validation_failed")
            let notJSON = try await http.send(.post, "/v1/transfers", "{sku")
            #expect(notJSON.status == 400 && notJSON.code == "malformed_request")
            let unknownReason = try await http.send(.post, "/v1/skus/tee/stock/sh/adjust", #"{"delta":1,"reason":"magic"}"#)
            #expect(unknownReason.status == 400)
            let twice = try await http.send(
                .post, "/v1/skus", #"{"sku":"tee","title":"Tee","price":{"minorUnits":9900,"currency":"CNY"},"categoryPath":["a"]}"#)
            #expect(twice.status == 409 && twice.code == "already_exists")
            let missingSKU = try await http.send(.get, "/v1/skus/nothing")
            #expect(missingSKU.status == 404 && missingSKU.code == "not_found")
            #expect(try http.position() == before)
        }
    }

    @Test func rolesLimitWhatStaffMayDo() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let before = try http.position()
            let register = #"{"sku":"cap","title":"Cap","price":{"minorUnits":100,"currency":"CNY"},"categoryPath":["a"]}"#
            let byOperations = try await http.send(.post, "/v1/skus", register, as: .operations)
            #expect(byOperations.status == 403 && byOperations.code == "forbidden")
            let byReader = try await http.send(.post, "/v1/skus/tee/stock/sh/receive", #"{"quantity":1}"#, as: .reader)
            #expect(byReader.status == 403)
            let anonymous = try await http.send(.get, "/v1/skus/tee/stock", as: .anonymous)
            #expect(anonymous.status == 401 && anonymous.code == "unauthenticated")
            let wrongKey = try await http.send(.get, "/v1/skus/tee/stock", as: .key("not-a-key-at-all-000"))
            #expect(wrongKey.status == 401)
            #expect(try http.position() == before)
            try await http.accept(.post, "/v1/skus/tee/stock/sh/receive", #"{"quantity":1}"#, as: .operations)
        }
    }
}
