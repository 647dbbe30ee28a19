import Foundation
import Testing

@Suite("HTTP: orders, payments, shipments and after-sales")
struct OrderLifecycleRouteTests {
    @Test func anOrderGoesFromPlacementThroughReturnAndRefund() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let placed = try await http.placeOrder("o1", quantity: 2)
            #expect(placed.status == 200)
            #expect((placed["events"] as? [[String: Any]])?.contains { $0["type"] as? String == "order.placed" } == true)
            let cny = #"{"minorUnits":19800,"currency":"CNY"}"#
            try await http.accept(.post, "/v1/payments", #"{"payment":"p1","order":"o1","method":"alipay","amount":\#(cny)}"#)
            try await http.accept(.post, "/v1/payments/p1/capture", #"{"amount":\#(cny)}"#)
            let paid = try await http.send(.get, "/v1/orders/o1", as: .reader)
            #expect(paid["status"] as? String == "paid")
            try await http.accept(
                .post, "/v1/shipments", #"{"shipment":"s1","order":"o1","warehouse":"sh","lines":[{"sku":"tee","quantity":2}]}"#)
            try await http.accept(.post, "/v1/shipments/s1/carrier", #"{"carrier":"SF","trackingNumber":"SF1"}"#)
            try await http.accept(.post, "/v1/shipments/s1/ship")
            try await http.accept(.post, "/v1/shipments/s1/transit", #"{"location":"Hangzhou hub"}"#)
            try await http.accept(.post, "/v1/shipments/s1/deliver")
            let shipment = try await http.send(.get, "/v1/shipments/s1", as: .reader)
            #expect(shipment["status"] as? String == "delivered" && shipment["lastLocation"] as? String == "Hangzhou hub")
            try await http.accept(
                .post, "/v1/after-sales",
                #"{"afterSale":"a1","order":"o1","member":"m1","kind":"return","lines":[{"sku":"tee","quantity":1}],"reason":"too small"}"#)
            try await http.accept(.post, "/v1/after-sales/a1/approve")
            try await http.accept(
                .post, "/v1/after-sales/a1/receive", #"{"warehouse":"sh","good":[{"sku":"tee","quantity":1}],"damaged":[]}"#)
            try await http.accept(
                .post, "/v1/after-sales/a1/refund", #"{"payment":"p1","amount":{"minorUnits":9900,"currency":"CNY"}}"#)
            try await http.accept(.post, "/v1/after-sales/a1/close")
            let order = try await http.send(.get, "/v1/orders/o1", as: .reader)
            #expect((order["refunded"] as? [String: Any])?["minorUnits"] as? Int == 9900)
            #expect((order["afterSales"] as? [[String: Any]])?.first?["status"] as? String == "closed")
            let payment = try await http.send(.get, "/v1/payments/p1", as: .reader)
            #expect(payment["refundedMinorUnits"] as? Int == 9900)
            let afterSale = try await http.send(.get, "/v1/after-sales/a1", as: .reader)
            #expect(afterSale["kind"] as? String == "return")
            try await http.accept(.post, "/v1/orders/o1/complete")
            let timeline = try await http.send(.get, "/v1/orders/o1/timeline", as: .reader)
            let types = (timeline["events"] as? [[String: Any]])?.compactMap { ($0["event"] as? [String: Any])?["type"] as? String }
            #expect(types?.first == "order.placed")
            #expect(types?.contains("payment.captured") == true && types?.contains("shipment.delivered") == true)
            let positions = (timeline["events"] as? [[String: Any]])?.compactMap { $0["position"] as? Int } ?? []
            #expect(positions == positions.sorted())
            let stock = try await http.send(.get, "/v1/skus/tee/stock/sh", as: .reader)
            #expect(stock["onHand"] as? Int == 9)
        }
    }

    @Test func holdsCancellationsAndFailedPayments() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            try await http.placeOrder("o1")
            try await http.accept(.post, "/v1/orders/o1/hold", #"{"reason":"fraud check"}"#)
            let held = try await http.send(.get, "/v1/orders/o1")
            #expect(held["onHold"] as? Bool == true)
            try await http.accept(.post, "/v1/orders/o1/release-hold")
            let cny = #"{"minorUnits":9900,"currency":"CNY"}"#
            try await http.accept(.post, "/v1/payments", #"{"payment":"p1","order":"o1","method":"card","amount":\#(cny)}"#)
            try await http.accept(.post, "/v1/payments/p1/fail", #"{"reason":"declined"}"#)
            try await http.accept(.post, "/v1/payments", #"{"payment":"p2","order":"o1","method":"card","amount":\#(cny)}"#)
            try await http.accept(.post, "/v1/payments/p2/release", #"{"amount":{"minorUnits":100,"currency":"CNY"}}"#)
            try await http.accept(.post, "/v1/payments/p2/void")
            let early = try await http.send(.post, "/v1/orders/o1/expire")
            #expect(early.status == 422 && early.code == "not_yet_expired")
            try await http.accept(.post, "/v1/orders/o1/cancel", #"{"reason":"changed mind"}"#)
            let again = try await http.send(.post, "/v1/orders/o1/cancel", #"{"reason":"again"}"#)
            #expect(again.status == 409 && again.code == "invalid_transition")
        }
    }

    @Test func refusedBusinessRulesAre422AndWriteNothing() async throws {
        try await HTTPHarness.run { http in
            try await http.seed(stock: 1)
            try await http.placeOrder("o1")
            let before = try http.position()
            let soldOut = try await http.placeOrder("o2")
            #expect(soldOut.status == 422 && soldOut.code == "insufficient_stock" && soldOut.isProblem)
            let overpay = try await http.send(
                .post, "/v1/payments", #"{"payment":"p1","order":"o1","method":"alipay","amount":{"minorUnits":99999,"currency":"CNY"}}"#)
            #expect(overpay.status == 422 && overpay.code == "amount_exceeds_due")
            let mixed = try await http.send(
                .post, "/v1/payments", #"{"payment":"p1","order":"o1","method":"alipay","amount":{"minorUnits":9900,"currency":"USD"}}"#)
            #expect(mixed.status == 422 && mixed.code == "currency_mismatch")
            let unknownOrder = try await http.send(.post, "/v1/orders/nope/hold", #"{"reason":"x"}"#)
            #expect(unknownOrder.status == 404 || unknownOrder.status == 409)
            let tooMany = try await http.send(.post, "/v1/orders", HTTPHarness.orderBody("o3", quantity: 0))
            #expect(tooMany.status == 400 && tooMany.code == "validation_failed")
            let badKind = try await http.send(
                .post, "/v1/after-sales", #"{"afterSale":"a1","order":"o1","member":"m1","kind":"exchange","lines":[],"reason":"x"}"#)
            #expect(badKind.status == 400 && (badKind["errors"] as? [[String: Any]])?.first?["field"] as? String == "replacements")
            #expect(try http.position() == before)
        }
    }
}
