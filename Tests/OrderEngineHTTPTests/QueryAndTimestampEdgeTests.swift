import HTTPTypes
import Testing

/// Inputs at the edges of what the answers can express are refused up front, naming the field,
/// instead of being stored and later written back in a form the API document does not allow.
@Suite struct QueryAndTimestampEdgeTests {
    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"])
    func refusesCouponDatesOutsideFourDigitYears(_ validFrom: String) async throws {
        let body = """
            {"code":"EDGE","discount":{"kind":"percentage","basisPoints":100},\
            "minimumSpend":{"minorUnits":0,"currency":"CNY"},"validFrom":"\(validFrom)",\
            "validUntil":"9999-12-30T00:00:00Z","usageLimit":10}
            """
        try await HTTPHarness.run { http in
            let reply = try await http.send(.post, "/v1/coupons", body)
            #expect(reply.status == 400 && reply.text.contains(#""field":"validFrom""#))
        }
    }

    @Test func refusesZeroTopSellersAsTheTopParameter() async throws {
        try await HTTPHarness.run { http in
            let reply = try await http.send(.get, "/v1/reports/sales?from=2026-11-11&through=2026-11-12&top=0")
            #expect(reply.status == 400 && reply.text.contains(#""field":"top""#))
        }
    }
}

/// A webhook's signed timestamp comes from anyone on the network, so no value of it may bring the
/// service down: it is answered 401 like any other stale signature.
@Suite struct WebhookSignatureTests {
    @Test(arguments: ["-9223372036854775808", "-9223372035000000000", "9223372036854775807"])
    func refusesTimestampsAtTheEdgesOfInt64(_ timestamp: String) async throws {
        try await HTTPHarness.run { http in
            let reply = try await http.send(
                .post, "/v1/webhooks/payments/testpay", "{}", as: .anonymous,
                headers: [HTTPField.Name("Webhook-Signature")!: "t=\(timestamp),v1=00"])
            #expect(reply.status == 401)
        }
    }
}
