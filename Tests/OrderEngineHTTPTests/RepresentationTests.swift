import Foundation
import HTTPTypes
import Testing

@testable import OrderEngineHTTP

/// `Prefer: return=representation` answers a command with the view of what it acted on, in the
/// same shape as the query route for it; without it, only the events.
@Suite("Command representations")
struct RepresentationTests {
    static let prefer: HTTPFields = [HTTPField.Name("Prefer")!: "respond-async, return=representation"]

    @Test
    func aCommandAnswersWithTheResultingViewWhenAskedFor() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let placed = try await http.send(.post, "/v1/orders", HTTPHarness.orderBody("o1"), as: .operations, headers: Self.prefer)
            #expect(placed.status == 200)
            #expect(placed.headers[HTTPField.Name("Preference-Applied")!] == "return=representation")
            let order = try #require((placed["view"] as? [String: Any])?["order"] as? [String: Any])
            let queried = try await http.send(.get, "/v1/orders/o1")
            #expect(NSDictionary(dictionary: order) == NSDictionary(dictionary: queried.json), "\(placed.text) vs \(queried.text)")

            let received = try await http.send(.post, "/v1/skus/tee/stock/sh/receive", #"{"quantity":5}"#, headers: Self.prefer)
            let stock = try #require((received["view"] as? [String: Any])?["stock"] as? [String: Any])
            #expect(NSDictionary(dictionary: stock) == NSDictionary(dictionary: try await http.send(.get, "/v1/skus/tee/stock").json))

            let member = try await http.send(.post, "/v1/members", #"{"member":"m3","displayName":"Ole"}"#, headers: Self.prefer)
            #expect((member["view"] as? [String: Any])?["member"] != nil)
        }
    }

    @Test
    func withoutThePreferenceOrOnARepeatTheAnswerHasNoView() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let plain = try await http.placeOrder("o1")
            #expect(plain.status == 200 && plain["view"] == nil && plain.headers[HTTPField.Name("Preference-Applied")!] == nil)
            let other = try await http.send(
                .post, "/v1/orders", HTTPHarness.orderBody("o2"), as: .operations, headers: [HTTPField.Name("Prefer")!: "return=minimal"])
            #expect(other.status == 200 && other["view"] == nil)
            var keyed = Self.prefer
            keyed[HTTPField.Name("Idempotency-Key")!] = "k1"
            _ = try await http.send(.post, "/v1/orders", HTTPHarness.orderBody("o3"), as: .operations, headers: keyed)
            let repeated = try await http.send(.post, "/v1/orders", HTTPHarness.orderBody("o3"), as: .operations, headers: keyed)
            #expect(repeated.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(repeated["view"] == nil && repeated.headers[HTTPField.Name("Preference-Applied")!] == nil)
        }
    }

    @Test
    func onlyAReturnRepresentationPreferenceCounts() {
        #expect(OrderEngineService.asksForRepresentation("return=representation"))
        #expect(OrderEngineService.asksForRepresentation("wait=10; x=1, RETURN=representation ;y"))
        #expect(!OrderEngineService.asksForRepresentation("return=minimal"))
        #expect(!OrderEngineService.asksForRepresentation("return=representations"))
        #expect(!OrderEngineService.asksForRepresentation(""))
    }
}
