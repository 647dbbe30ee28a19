import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OrderEngine

/// The HTTP adapter: every engine command and query under `/v1`, the batch route, the live event
/// feed, payment webhooks, `/health` and `/metrics`. It translates HTTP to engine calls and back
/// and holds no business rules; `Docs/http.md` and `Docs/openapi.yaml` describe it.
///
/// ```swift
/// let service = OrderEngineService(engine: engine, access: try .fromEnvironment(environment))
/// let app = Application(router: service.router(), configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// try await app.runService()
/// ```
public struct OrderEngineService: Sendable {
    /// The engine it serves.
    public let engine: OrderEngine
    let access: AccessConfiguration
    let limits: HTTPLimits
    let clock: any EngineClock
    let metrics = ServiceMetrics()

    /// A service over `engine`; `clock` stamps commands (the engine's own clock by default is the
    /// system clock, so pass the same one to both).
    public init(
        engine: OrderEngine, access: AccessConfiguration, limits: HTTPLimits = HTTPLimits(),
        clock: any EngineClock = SystemClock()
    ) {
        self.engine = engine
        self.access = access
        self.limits = limits
        self.clock = clock
    }

    /// One route the service answers, as OpenAPI writes it (`{name}` for parameters).
    public struct Endpoint: Sendable, Hashable {
        /// `GET`, `POST`, `PUT` or `DELETE`.
        public let method: String
        /// Such as `/v1/orders/{order}`.
        public let path: String
    }

    /// Every route `router()` serves.
    public var endpoints: [Endpoint] {
        CommandRoute.all.map { Endpoint(method: $0.method.rawValue, path: $0.path) }
            + queries.map { Endpoint(method: $0.method.rawValue, path: $0.path) }
    }

    /// The router with every route and the problem-document middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ProblemMiddleware())
        for route in CommandRoute.all {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await execute(route, request, context)
            }
        }
        for query in queries {
            router.on(RouterPath(query.path), method: query.method, use: query.handler)
        }
        return router
    }

    /// A route other than a command: queries, the batch route, the feed, webhooks, health, metrics.
    struct Route: Sendable {
        let method: HTTPRequest.Method
        let path: String
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response
    }

    var queries: [Route] {
        [
            Route(method: .get, path: "/health") { _, _ in try health() },
            Route(method: .get, path: "/metrics") { _, _ in try metricsText() },
            Route(method: .post, path: "/v1/commands/batch") { request, context in
                try await executeBatch(request, context)
            },
            Route(method: .post, path: "/v1/webhooks/payments/{provider}") { request, context in
                try await paymentWebhook(request, context)
            },
            Route(method: .post, path: "/v1/members/{member}/tokens") { request, context in
                try await issueToken(request, context)
            },
            Route(method: .get, path: "/v1/events") { request, context in try eventFeed(request, context) },
        ] + viewRoutes
    }

    func principal(_ request: Request) throws(Problem) -> Principal {
        try access.principal(of: request, nowSeconds: clock.nowMicroseconds() / 1_000_000)
    }

    var now: Timestamp { Timestamp(microsecondsSince1970: clock.nowMicroseconds()) }

    private func health() throws -> Response {
        struct Health: Encodable {
            let status: String
            let position: UInt64
        }
        return .json(Health(status: "ok", position: try engine.log.lastPosition()))
    }

    private func metricsText() throws -> Response {
        let text = metrics.exposition(engine: engine.statistics, logPosition: try engine.log.lastPosition())
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

extension OrderEngineService {
    /// Serves on `host:port` until SIGINT or SIGTERM, then returns after in-flight requests finish.
    /// `onListening` gets the bound port (useful with port 0, which picks a free one).
    public func run(
        host: String, port: Int, logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "order-engine"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }
}
