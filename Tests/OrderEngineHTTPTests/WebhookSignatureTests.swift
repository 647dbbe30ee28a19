import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import OrderEngine
import OrderEngineHTTP
import Testing

/// A webhook's signed timestamp comes from anyone on the network, so no value of it may bring the
/// service down: it is answered 401 like any other stale signature.
@Suite struct WebhookSignatureTests {
    @Test(arguments: ["-9223372036854775808", "-9223372035000000000", "9223372036854775807"])
    func refusesTimestampsAtTheEdgesOfInt64(_ timestamp: String) async throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "webhook-tests-\(UUID().uuidString)").path
        let engine = try OrderEngine(
            path: path, options: EngineOptions(durability: .none),
            logger: Logger(label: "webhook-tests") { _ in SwiftLogNoOpLogHandler() })
        defer {
            engine.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        let access = try AccessConfiguration(
            staffKeys: [], memberTokenSecret: nil, webhookSecrets: ["alipay": Array("webhook-secret-0123456789".utf8)])
        let app = Application(router: OrderEngineService(engine: engine, access: access).router())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/webhooks/payments/alipay", method: .post,
                headers: [HTTPField.Name("Webhook-Signature")!: "t=\(timestamp),v1=00"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
