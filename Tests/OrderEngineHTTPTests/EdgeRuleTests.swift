import Crypto
import Foundation
import HTTPTypes
import OrderEngine
import OrderEngineHTTP
import Testing

@Suite("HTTP: idempotency keys, batches, limits and webhooks")
struct EdgeRuleTests {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    @Test func aRetriedRequestReturnsTheFirstResultAndChangesNothing() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let body = HTTPHarness.orderBody("o1")
            let first = try await http.send(.post, "/v1/orders", body, headers: [Self.idempotencyKey: "order-o1"])
            #expect(first.status == 200 && first.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            let position = try http.position()
            let retry = try await http.send(.post, "/v1/orders", body, headers: [Self.idempotencyKey: "order-o1"])
            #expect(retry.status == 200 && retry.text == first.text)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try http.position() == position)
            let otherCaller = try await http.send(
                .post, "/v1/orders", body, as: .operations, headers: [Self.idempotencyKey: "order-o1"])
            #expect(otherCaller.status == 409)
            let badKey = try await http.send(.post, "/v1/orders", body, headers: [Self.idempotencyKey: "has space"])
            #expect(badKey.status == 400 && badKey.code == "validation_failed")
            #expect(try http.position() == position)
        }
    }

    @Test func aBatchAnswersEachCommandOnItsOwn() async throws {
        try await HTTPHarness.run { http in
            try await http.seed(stock: 2)
            func place(_ order: String) -> String {
                #"{"command":"orders.place","body":\#(HTTPHarness.orderBody(order)),"idempotencyKey":"\#(order)"}"#
            }
            let batch = #"{"commands":[\#(place("o1")),\#(place("o2")),\#(place("o3")),"#
                + #"{"command":"orders.hold","parameters":{"order":"o1"},"body":{"reason":"check"}},"#
                + #"{"command":"orders.teleport"},{"command":"orders.hold","parameters":{"order":"\#(String(repeating: "o", count: 65))"},"body":{"reason":"x"}}]}"#
            let reply = try await http.send(.post, "/v1/commands/batch", batch, as: .operations)
            #expect(reply.status == 200)
            let results = try #require(reply["results"] as? [[String: Any]])
            #expect(results.map { $0["status"] as? Int } == [200, 200, 422, 200, 400, 400])
            #expect((results[2]["problem"] as? [String: Any])?["code"] as? String == "insufficient_stock")
            let position = try http.position()
            let again = try await http.send(.post, "/v1/commands/batch", #"{"commands":[\#(place("o1"))]}"#, as: .operations)
            #expect((again["results"] as? [[String: Any]])?.first?["duplicate"] as? Bool == true)
            #expect(try http.position() == position)
            let byReader = try await http.send(.post, "/v1/commands/batch", #"{"commands":[\#(place("o9"))]}"#, as: .reader)
            #expect((byReader["results"] as? [[String: Any]])?.first?["status"] as? Int == 403)
        }
    }

    @Test func limitsAreNamedAndEnforced() async throws {
        let limits = HTTPLimits(commandBodyByteCountMax: 512, batchBodyByteCountMax: 4096, batchCommandCountMax: 2, pageSizeMax: 5)
        try await HTTPHarness.run(limits: limits) { http in
            try await http.seed()
            let before = try http.position()
            let huge = #"{"reason":"\#(String(repeating: "x", count: 600))"}"#
            let tooLarge = try await http.send(.post, "/v1/orders/o1/hold", huge)
            #expect(tooLarge.status == 413 && tooLarge.code == "payload_too_large")
            let entry = #"{"command":"orders.hold","parameters":{"order":"o1"},"body":{"reason":"x"}}"#
            let tooMany = try await http.send(.post, "/v1/commands/batch", #"{"commands":[\#(entry),\#(entry),\#(entry)]}"#)
            #expect(tooMany.status == 400)
            let empty = try await http.send(.post, "/v1/commands/batch", #"{"commands":[]}"#)
            #expect(empty.status == 400)
            let bigPage = try await http.send(.get, "/v1/members/m1/orders?limit=6")
            #expect(bigPage.status == 400 && bigPage.code == "validation_failed")
            let lines = (0..<101).map { _ in #"{"sku":"tee","quantity":1}"# }.joined(separator: ",")
            let manyLines = try await http.send(
                .post, "/v1/orders",
                HTTPHarness.orderBody("o1").replacingOccurrences(of: #"[{"sku":"tee","quantity":1}]"#, with: "[\(lines)]"))
            #expect(manyLines.status == 413)
            #expect(try http.position() == before)
        }
    }

    static func signature(_ body: String, at seconds: Int64, secret: String = TestAccess.webhookSecret) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Array("\(seconds).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(seconds),v1=" + Hex.string(code)
    }

    @Test func paymentWebhooksAreVerifiedAndIdempotent() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            try await http.placeOrder("o1")
            try await http.accept(
                .post, "/v1/payments", #"{"payment":"p1","order":"o1","method":"alipay","amount":{"minorUnits":9900,"currency":"CNY"}}"#)
            let body = #"{"eventId":"evt-1","payment":"p1","outcome":"captured","amount":{"minorUnits":9900,"currency":"CNY"}}"#
            let now = Int64(Date().timeIntervalSince1970)
            let header = HTTPField.Name("Webhook-Signature")!
            let before = try http.position()
            for bad in [
                Self.signature(body, at: now, secret: "some-other-secret-0123"), Self.signature(body, at: now - 3600),
                "t=\(now)", "v1=00",
            ] {
                let refused = try await http.send(.post, "/v1/webhooks/payments/testpay", body, as: .anonymous, headers: [header: bad])
                #expect(refused.status == 401 && refused.code == "unauthenticated")
            }
            let unsigned = try await http.send(.post, "/v1/webhooks/payments/testpay", body, as: .anonymous)
            #expect(unsigned.status == 401)
            let tampered = try await http.send(
                .post, "/v1/webhooks/payments/testpay", body.replacingOccurrences(of: "9900", with: "9800"), as: .anonymous,
                headers: [header: Self.signature(body, at: now)])
            #expect(tampered.status == 401)
            let unknown = try await http.send(
                .post, "/v1/webhooks/payments/nopay", body, as: .anonymous, headers: [header: Self.signature(body, at: now)])
            #expect(unknown.status == 404)
            #expect(try http.position() == before)
            let first = try await http.send(
                .post, "/v1/webhooks/payments/testpay", body, as: .anonymous, headers: [header: Self.signature(body, at: now)])
            #expect(first.status == 200)
            let order = try await http.send(.get, "/v1/orders/o1")
            #expect(order["status"] as? String == "paid")
            let position = try http.position()
            let repeated = try await http.send(
                .post, "/v1/webhooks/payments/testpay", body, as: .anonymous, headers: [header: Self.signature(body, at: now + 1)])
            #expect(repeated.status == 200)
            #expect(try http.position() == position)
        }
    }
}
