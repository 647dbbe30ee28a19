import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import OrderEngine
import OrderEngineHTTP
import Testing

/// Keys and secrets the tests configure; never used outside tests.
enum TestAccess {
    static let admin = "admin-key-0123456789"
    static let operations = "operations-key-0123456789"
    static let reader = "reader-key-0123456789"
    static let tokenSecret = Array("member-token-secret-0123456789abcdef".utf8)
    static let webhookSecret = "testpay-webhook-secret-0123"

    static func configuration() throws -> AccessConfiguration {
        try AccessConfiguration(
            staffKeys: [
                .init(name: "alice", role: .admin, key: admin),
                .init(name: "ops", role: .operations, key: operations),
                .init(name: "auditor", role: .readOnly, key: reader),
            ],
            memberTokenSecret: tokenSecret,
            webhookSecrets: ["testpay": Array(webhookSecret.utf8)])
    }

    static func memberToken(_ member: MemberID, expiresInSeconds: Int64 = 3600) throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        return try MemberTokenSigner(secret: tokenSecret).token(for: member, expiresAt: now + expiresInSeconds)
    }
}

/// Who a test request is sent as.
enum Caller {
    case anonymous
    case key(String)
    case bearer(String)

    static let admin = Caller.key(TestAccess.admin)
    static let operations = Caller.key(TestAccess.operations)
    static let reader = Caller.key(TestAccess.reader)

    static func member(_ id: MemberID) throws -> Caller { .bearer(try TestAccess.memberToken(id)) }
}

/// A response with its JSON body parsed.
struct Reply {
    let status: Int
    let headers: HTTPFields
    let text: String

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    var code: String? { json["code"] as? String }
    var isProblem: Bool { headers[.contentType] == "application/problem+json" }

    subscript(key: String) -> Any? { json[key] }
}

/// A service over a fresh engine in a scratch directory, driven in-process.
struct HTTPHarness {
    let client: any TestClientProtocol
    let engine: OrderEngine
    let service: OrderEngineService

    /// Runs `body` against a fresh service; the data directory is removed afterwards.
    static func run<Value: Sendable>(
        limits: HTTPLimits = HTTPLimits(), _ body: @Sendable (HTTPHarness) async throws -> Value
    ) async throws -> Value {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("http-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let engine = try OrderEngine(
            path: directory, options: EngineOptions(durability: .none, expirySweepInterval: nil),
            logger: Logger(label: "test"))
        defer { engine.close() }
        let service = OrderEngineService(engine: engine, access: try TestAccess.configuration(), limits: limits)
        let app = Application(router: service.router())
        return try await app.test(.router) { client in
            try await body(HTTPHarness(client: client, engine: engine, service: service))
        }
    }

    /// Sends a request; `json` is the body text.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, _ json: String? = nil, as caller: Caller = .admin,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        switch caller {
        case .anonymous: break
        case .key(let key): headers[HTTPField.Name("X-API-Key")!] = key
        case .bearer(let token): headers[.authorization] = "Bearer " + token
        }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }
        ) { response in
            Reply(
                status: Int(response.status.code), headers: response.headers,
                text: response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? "")
        }
    }

    /// Sends a command that must be accepted.
    @discardableResult
    func accept(
        _ method: HTTPRequest.Method, _ path: String, _ json: String? = nil, as caller: Caller = .admin,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        let reply = try await send(method, path, json, as: caller)
        #expect(reply.status == 200, "\(method) \(path): \(reply.text)", sourceLocation: sourceLocation)
        return reply
    }

    /// The log's last position, to show that a request wrote nothing.
    func position() throws -> UInt64 { try engine.log.lastPosition() }

    /// A listed SKU `tee` at 99.00 CNY with `stock` units in warehouse `sh`, members `m1` and `m2`.
    func seed(stock: Int64 = 10) async throws {
        try await accept(
            .post, "/v1/skus",
            #"{"sku":"tee","title":"Tee","price":{"minorUnits":9900,"currency":"CNY"},"categoryPath":["apparel"]}"#)
        try await accept(.post, "/v1/skus/tee/list")
        try await accept(.post, "/v1/skus/tee/stock/sh/receive", #"{"quantity":\#(stock)}"#)
        try await accept(.post, "/v1/members", #"{"member":"m1","displayName":"Mei"}"#)
        try await accept(.post, "/v1/members", #"{"member":"m2","displayName":"Ning"}"#)
    }

    /// Places order `order` for `member` buying `quantity` tees.
    @discardableResult
    func placeOrder(_ order: String, member: String = "m1", quantity: Int = 1, as caller: Caller = .operations)
        async throws -> Reply
    {
        try await send(.post, "/v1/orders", Self.orderBody(order, member: member, quantity: quantity), as: caller)
    }

    static func orderBody(_ order: String, member: String? = "m1", quantity: Int = 1) -> String {
        let memberField = member.map { #""member":"\#($0)","# } ?? ""
        return #"{"order":"\#(order)",\#(memberField)"lines":[{"sku":"tee","quantity":\#(quantity)}],"#
            + #""shippingAddress":{"recipient":"Mei","phone":"13800000000","region":"Shanghai","city":"Shanghai","#
            + #""street":"1 Nanjing Rd","postalCode":"200000"}}"#
    }
}
