import ArgumentParser
import Crypto
import Foundation
import OrderEngine
import OrderEngineHTTP

/// Runs the HTTP service on an embedded data directory until SIGINT or SIGTERM.
///
/// Access comes from the environment (`ORDER_ENGINE_API_KEYS`, `ORDER_ENGINE_TOKEN_SECRET`,
/// `ORDER_ENGINE_WEBHOOK_SECRETS`; see Docs/http.md). With no staff key configured it makes a
/// random admin key for this run and prints it, so a first `make run` can be tried at once.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the engine's commands and queries over HTTP on a data directory (created if absent)."
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the address line says which).")
    var port = 8080

    @Option(help: "full: fsync every commit (default); none: no fsync, for throwaway data.")
    var durability: LMDBEventLogOptions.Durability = .full

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
    }

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        if environment["ORDER_ENGINE_API_KEYS", default: ""].isEmpty {
            let key = Self.randomSecret()
            environment["ORDER_ENGINE_API_KEYS"] = "admin:admin:" + key
            Self.say("No ORDER_ENGINE_API_KEYS set: this run's admin key is \(key)")
        }
        if environment["ORDER_ENGINE_TOKEN_SECRET", default: ""].isEmpty {
            environment["ORDER_ENGINE_TOKEN_SECRET"] = Self.randomSecret()
            Self.say("No ORDER_ENGINE_TOKEN_SECRET set: member tokens issued now stop working when this run ends")
        }
        let access: AccessConfiguration
        do {
            access = try AccessConfiguration.fromEnvironment(environment)
        } catch {
            throw CommandFailure("bad access configuration: \(error)")
        }
        let engine = try OrderEngine(
            path: dataOptions.data, options: EngineOptions(durability: durability), logger: dataOptions.logger)
        defer { engine.close() }
        let service = OrderEngineService(engine: engine, access: access)
        let data = dataOptions.data
        let host = host
        try await service.run(host: host, port: port, logger: dataOptions.logger) { port in
            Self.say("order-engine serving \(data) on http://\(host):\(port)")
        }
    }

    /// One line on standard output, unbuffered, so a script waiting for it sees it at once.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// 32 random bytes as hex.
    static func randomSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Hex.string($0) }
    }
}
