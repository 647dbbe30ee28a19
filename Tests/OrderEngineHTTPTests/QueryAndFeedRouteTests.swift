import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: coupons, reports, views as of a position, the event feed, health and metrics")
struct QueryAndFeedRouteTests {
    @Test func couponsAreDefinedReadAndDisabled() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let coupon = #"{"code":"SAVE10","discount":{"kind":"fixed","amount":{"minorUnits":1000,"currency":"CNY"}},"#
                + #""minimumSpend":{"minorUnits":5000,"currency":"CNY"},"validFrom":"2020-01-01T00:00:00Z","#
                + #""validUntil":"2099-01-01T00:00:00Z","usageLimit":100}"#
            try await http.accept(.post, "/v1/coupons", coupon)
            let view = try await http.send(.get, "/v1/coupons/SAVE10", as: try .member("m1"))
            #expect(view["status"] as? String == "active" && view["validFrom"] as? String == "2020-01-01T00:00:00.000000Z")
            let badDate = try await http.send(.post, "/v1/coupons", coupon.replacingOccurrences(of: "2020-01-01T00:00:00Z", with: "yesterday"))
            #expect(badDate.status == 400 && (badDate["errors"] as? [[String: Any]])?.first?["field"] as? String == "validFrom")
            let noAmount = try await http.send(
                .post, "/v1/coupons", coupon.replacingOccurrences(of: #""kind":"fixed""#, with: #""kind":"percentage""#))
            #expect(noAmount.status == 400)
            try await http.accept(.post, "/v1/coupons/SAVE10/disable")
            #expect(try await http.send(.get, "/v1/coupons/SAVE10")["status"] as? String == "disabled")
            #expect(try await http.send(.get, "/v1/coupons/NONE").status == 404)
        }
    }

    @Test func salesReportsAndViewsAsOfAPosition() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            try await http.placeOrder("o1")
            let placedAt = try http.position()
            try await http.accept(.post, "/v1/orders/o1/cancel", #"{"reason":"x"}"#)
            let then = try await http.send(.get, "/v1/as-of/\(placedAt)/orders/o1", as: .reader)
            #expect(then["status"] as? String == "awaiting_payment")
            let stockThen = try await http.send(.get, "/v1/as-of/\(placedAt)/skus/tee/stock", as: .reader)
            #expect((stockThen["total"] as? [String: Any])?["reserved"] as? Int == 1)
            #expect(try await http.send(.get, "/v1/as-of/\(placedAt)/members/m1", as: .reader).status == 200)
            #expect(try await http.send(.get, "/v1/as-of/999999/orders/o1", as: .reader).status == 404)
            #expect(try await http.send(.get, "/v1/as-of/abc/orders/o1", as: .reader).status == 400)
            let day = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            let report = try await http.send(.get, "/v1/reports/sales?from=\(day)&through=\(day)&top=5", as: .reader)
            #expect(report.status == 200 && report["from"] as? String == day)
            #expect(try await http.send(.get, "/v1/reports/sales?from=2026-13-01&through=2026-12-01").status == 400)
            #expect(try await http.send(.get, "/v1/reports/sales?from=\(day)", as: .reader).status == 400)
        }
    }

    @Test func theFeedCatchesUpAndResumesAfterTheLastEventID() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let all = try await http.send(.get, "/v1/events?follow=false", as: .reader)
            #expect(all.headers[.contentType] == "text/event-stream")
            let ids = all.text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { Int($0.dropFirst(4))! }
            let last = Int(try http.position())
            #expect(ids == Array(1...last))
            #expect(all.text.contains("event: catalog.registered\ndata: {"))
            let resumed = try await http.send(
                .get, "/v1/events?follow=false", as: .reader, headers: [HTTPField.Name("Last-Event-ID")!: "3"])
            let resumedIDs = resumed.text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { Int($0.dropFirst(4))! }
            #expect(resumedIDs.first == 4 && resumedIDs.last == ids.last)
            let limited = try await http.send(.get, "/v1/events?from=2&limit=2", as: .reader)
            #expect(limited.text.split(separator: "\n").filter { $0.hasPrefix("id: ") } == ["id: 2", "id: 3"])
            #expect(try await http.send(.get, "/v1/events?follow=maybe", as: .reader).status == 400)
            #expect(try await http.send(.get, "/v1/events", as: try .member("m1")).status == 403)
        }
    }

    @Test func healthAndMetricsReportTheService() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            try await http.placeOrder("o1")
            _ = try await http.placeOrder("o1")
            let health = try await http.send(.get, "/health", as: .anonymous)
            let position = Int(try http.position())
            #expect(health.status == 200 && health["position"] as? Int == position)
            let metrics = try await http.send(.get, "/metrics", as: .anonymous)
            #expect(metrics.text.contains(#"order_engine_commands_total{command="orders.place",outcome="accepted"} 1"#))
            #expect(metrics.text.contains(#"order_engine_commands_total{command="orders.place",outcome="already_exists"} 1"#))
            #expect(metrics.text.contains("order_engine_batch_size_bucket{le=\"+Inf\"} "))
            #expect(metrics.text.contains("order_engine_commit_seconds_count "))
            #expect(metrics.text.contains("order_engine_log_position \(position)"))
            let unknown = try await http.send(.get, "/v2/nothing", as: .anonymous)
            #expect(unknown.status == 404 && unknown.isProblem)
        }
    }
}
