import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import OrderEngine
import OrderEngineHTTP
import Testing

/// Inputs at the edges of what the answers can express are refused up front, naming the field,
/// instead of being stored and later written back in a form the API document does not allow.
@Suite struct QueryAndTimestampEdgeTests {
    static let key = "edge-tests-admin-key-0123456789"

    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"])
    func refusesCouponDatesOutsideFourDigitYears(_ validFrom: String) async throws {
        let body = """
            {"code":"EDGE","discount":{"kind":"percentage","basisPoints":100},\
            "minimumSpend":{"minorUnits":0,"currency":"CNY"},"validFrom":"\(validFrom)",\
            "validUntil":"9999-12-30T00:00:00Z","usageLimit":10}
            """
        try await Self.withClient { client in
            try await client.execute(
                uri: "/v1/coupons", method: .post, headers: [HTTPField.Name("X-API-Key")!: Self.key],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(#""field":"validFrom""#))
            }
        }
    }

    @Test func refusesZeroTopSellersAsTheTopParameter() async throws {
        try await Self.withClient { client in
            try await client.execute(
                uri: "/v1/reports/sales?from=2026-11-11&through=2026-11-12&top=0", method: .get,
                headers: [HTTPField.Name("X-API-Key")!: Self.key]
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(#""field":"top""#))
            }
        }
    }

    static func withClient(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "edge-tests-\(UUID().uuidString)").path
        let engine = try OrderEngine(
            path: path, options: EngineOptions(durability: .none),
            logger: Logger(label: "edge-tests") { _ in SwiftLogNoOpLogHandler() })
        defer {
            engine.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        let access = try AccessConfiguration(
            staffKeys: [.init(name: "edge", role: .admin, key: key)], memberTokenSecret: nil)
        try await Application(router: OrderEngineService(engine: engine, access: access).router()).test(.router, body)
    }
}
