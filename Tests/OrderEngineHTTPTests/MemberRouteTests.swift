import Foundation
import OrderEngineHTTP
import Testing

@Suite("HTTP: members, member tokens and member isolation")
struct MemberRouteTests {
    @Test func membersManageTheirOwnProfileAddressesAndFavourites() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let mei = try Caller.member("m1")
            try await http.accept(.put, "/v1/members/m1/profile", #"{"displayName":"Mei L","email":"mei@example.com"}"#, as: mei)
            try await http.accept(
                .post, "/v1/members/m1/addresses",
                #"{"address":"home","recipient":"Mei","phone":"138","region":"SH","city":"SH","street":"1 Rd"}"#, as: mei)
            try await http.accept(
                .put, "/v1/members/m1/addresses/home",
                #"{"recipient":"Mei","phone":"139","region":"SH","city":"SH","street":"2 Rd","postalCode":""}"#, as: mei)
            try await http.accept(
                .post, "/v1/members/m1/addresses",
                #"{"address":"work","recipient":"Mei","phone":"138","region":"SH","city":"SH","street":"3 Rd"}"#, as: mei)
            try await http.accept(.post, "/v1/members/m1/addresses/work/default", as: mei)
            try await http.accept(.delete, "/v1/members/m1/addresses/home", as: mei)
            try await http.accept(.put, "/v1/members/m1/favourites/tee", as: mei)
            let view = try await http.send(.get, "/v1/members/m1", as: mei)
            #expect(view["displayName"] as? String == "Mei L")
            #expect(view["defaultAddress"] as? String == "work")
            #expect((view["addresses"] as? [[String: Any]])?.count == 1)
            #expect(view["favourites"] as? [String] == ["tee"])
            try await http.accept(.delete, "/v1/members/m1/favourites/tee", as: mei)
            let tier = try await http.send(.put, "/v1/members/m1/tier", #"{"tier":"gold"}"#, as: mei)
            #expect(tier.status == 403)
            try await http.accept(.put, "/v1/members/m1/tier", #"{"tier":"gold"}"#)
            try await http.accept(
                .post, "/v1/members/m1/store-credit", #"{"amount":{"minorUnits":500,"currency":"CNY"},"reason":"apology"}"#)
            try await http.accept(
                .post, "/v1/members/m1/store-credit/spend", #"{"amount":{"minorUnits":200,"currency":"CNY"},"reason":"used"}"#)
            let after = try await http.send(.get, "/v1/members/m1", as: .reader)
            #expect(after["tier"] as? String == "gold")
            #expect((after["storeCredit"] as? [String: Any])?["minorUnits"] as? Int == 300)
            let history = try await http.send(.get, "/v1/members/m1/history", as: mei)
            let types = (history["events"] as? [[String: Any]])?.compactMap { ($0["event"] as? [String: Any])?["type"] as? String }
            #expect(types?.first == "member.registered" && types?.last == "member.store_credit_spent")
            #expect(try await http.send(.get, "/v1/members/m2/history", as: mei).status == 404)
        }
    }

    @Test func aMemberSeesAndActsOnlyOnTheirOwnOrders() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let mei = try Caller.member("m1")
            let ning = try Caller.member("m2")
            let own = try await http.send(.post, "/v1/orders", HTTPHarness.orderBody("o1", member: nil), as: mei)
            #expect(own.status == 200)
            try await http.placeOrder("o2", member: "m2")
            let before = try http.position()
            #expect(try await http.send(.get, "/v1/orders/o1", as: mei).status == 200)
            let foreign = try await http.send(.get, "/v1/orders/o2", as: mei)
            #expect(foreign.status == 404 && foreign.code == "not_found")
            let missing = try await http.send(.get, "/v1/orders/o404", as: mei)
            #expect(missing.status == 404 && missing.text.contains("o404"))
            #expect(try await http.send(.get, "/v1/orders/o2/timeline", as: mei).status == 404)
            #expect(try await http.send(.get, "/v1/members/m2", as: mei).status == 404)
            #expect(try await http.send(.get, "/v1/members/m2/orders", as: mei).status == 404)
            #expect(try await http.send(.post, "/v1/orders/o2/cancel", #"{"reason":"x"}"#, as: mei).status == 404)
            let forOther = try await http.send(.post, "/v1/orders", HTTPHarness.orderBody("o3", member: "m2"), as: mei)
            #expect(forOther.status == 403)
            #expect(try await http.send(.put, "/v1/members/m2/favourites/tee", as: mei).status == 404)
            #expect(try await http.send(.post, "/v1/orders/o1/hold", #"{"reason":"x"}"#, as: mei).status == 403)
            #expect(try await http.send(.get, "/v1/skus/tee/stock/sh", as: mei).status == 403)
            #expect(try http.position() == before)
            let page = try await http.send(.get, "/v1/members/m2/orders", as: ning)
            #expect((page["orders"] as? [[String: Any]])?.map { $0["order"] as? String } == ["o2"])
            try await http.accept(.post, "/v1/orders/o1/cancel", #"{"reason":"changed mind"}"#, as: mei)
        }
    }

    @Test func tokensThatAreForgedExpiredOrMalformedAreRefused() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let expired = try TestAccess.memberToken("m1", expiresInSeconds: -10)
            #expect(try await http.send(.get, "/v1/members/m1", as: .bearer(expired)).code == "unauthenticated")
            let forged = try MemberTokenSigner(secret: Array("another-secret-0123456789abcdefghij".utf8))
                .token(for: "m1", expiresAt: Int64(Date().timeIntervalSince1970) + 3600)
            #expect(try await http.send(.get, "/v1/members/m1", as: .bearer(forged)).status == 401)
            #expect(try await http.send(.get, "/v1/members/m1", as: .bearer("a.b")).status == 401)
            let valid = try TestAccess.memberToken("m1")
            let other = try TestAccess.memberToken("m2")
            var parts = valid.split(separator: ".").map(String.init)
            parts[1] = String(other.split(separator: ".")[1])
            #expect(try await http.send(.get, "/v1/members/m1", as: .bearer(parts.joined(separator: "."))).status == 401)
        }
    }

    @Test func staffIssueTokensForRegisteredMembers() async throws {
        try await HTTPHarness.run { http in
            try await http.seed()
            let issued = try await http.send(.post, "/v1/members/m1/tokens", #"{"ttlSeconds":60}"#, as: .operations)
            #expect(issued.status == 200)
            let token = try #require(issued["token"] as? String)
            #expect(try await http.send(.get, "/v1/members/m1", as: .bearer(token)).status == 200)
            #expect(try await http.send(.post, "/v1/members/nobody/tokens", as: .operations).status == 404)
            #expect(try await http.send(.post, "/v1/members/m1/tokens", as: .reader).status == 403)
            #expect(try await http.send(.post, "/v1/members/m1/tokens", #"{"ttlSeconds":0}"#, as: .operations).status == 400)
        }
    }

    @Test func accessConfigurationRefusesWeakOrMalformedSettings() throws {
        #expect(throws: AccessConfigurationError.self) {
            try AccessConfiguration.fromEnvironment(["ORDER_ENGINE_API_KEYS": "a:admin:short"])
        }
        #expect(throws: AccessConfigurationError.self) {
            try AccessConfiguration.fromEnvironment(["ORDER_ENGINE_API_KEYS": "a:root:0123456789abcdef0123"])
        }
        #expect(throws: AccessConfigurationError.self) {
            try AccessConfiguration.fromEnvironment(["ORDER_ENGINE_TOKEN_SECRET": "too-short"])
        }
        let good = try AccessConfiguration.fromEnvironment([
            "ORDER_ENGINE_API_KEYS": "a:admin:0123456789abcdef0123, b:read-only:abcdef0123456789abcd",
            "ORDER_ENGINE_WEBHOOK_SECRETS": "alipay:0123456789abcdef0123",
        ])
        #expect(good.hasStaffKeys && !good.hasMemberTokens)
    }
}
