import Crypto
import Foundation

/// Who may call the service: staff API keys with roles, the member-token secret and the payment
/// providers' webhook secrets. Comes from configuration or the environment, never from the repo.
public struct AccessConfiguration: Sendable {
    /// One staff API key.
    public struct StaffKey: Sendable {
        /// A name for logs and event actors, such as `warehouse-bot`.
        public var name: String
        /// What the key may do.
        public var role: StaffRole
        /// The secret the caller presents.
        public var key: String

        /// Creates a key entry.
        public init(name: String, role: StaffRole, key: String) {
            self.name = name
            self.role = role
            self.key = key
        }
    }

    /// Shortest API key accepted, in bytes.
    public static let apiKeyByteCountMin = 16
    /// Shortest webhook secret accepted, in bytes.
    public static let webhookSecretByteCountMin = 16
    /// How far a webhook's signed timestamp may be from the service's clock, in seconds.
    public static let webhookToleranceSecondsDefault: Int64 = 300

    let staff: [[UInt8]: (name: String, role: StaffRole)]
    let tokens: MemberTokenSigner?
    let webhookSecrets: [String: [UInt8]]
    let webhookToleranceSeconds: Int64

    /// Validates and indexes the keys. `webhookSecrets` maps a provider name (as in the webhook
    /// route) to its signing secret.
    public init(
        staffKeys: [StaffKey], memberTokenSecret: [UInt8]?, webhookSecrets: [String: [UInt8]] = [:],
        webhookToleranceSeconds: Int64 = webhookToleranceSecondsDefault
    ) throws(AccessConfigurationError) {
        var staff: [[UInt8]: (name: String, role: StaffRole)] = [:]
        for entry in staffKeys {
            guard entry.key.utf8.count >= Self.apiKeyByteCountMin else { throw .apiKeyTooShort(name: entry.name) }
            guard staff.updateValue((entry.name, entry.role), forKey: Self.digest(entry.key)) == nil
            else { throw .duplicateAPIKey(name: entry.name) }
        }
        self.staff = staff
        self.tokens = try memberTokenSecret.map { secret throws(AccessConfigurationError) in try MemberTokenSigner(secret: secret) }
        var secrets: [String: [UInt8]] = [:]
        for (provider, secret) in webhookSecrets {
            guard secret.count >= Self.webhookSecretByteCountMin else { throw .webhookSecretTooShort(provider: provider) }
            secrets[provider] = secret
        }
        self.webhookSecrets = secrets
        self.webhookToleranceSeconds = webhookToleranceSeconds
    }

    /// Reads the environment:
    /// - `ORDER_ENGINE_API_KEYS`: comma-separated `name:role:key` entries, role one of `admin`,
    ///   `operations`, `read-only`;
    /// - `ORDER_ENGINE_TOKEN_SECRET`: the member-token signing secret (at least 32 bytes);
    /// - `ORDER_ENGINE_WEBHOOK_SECRETS`: comma-separated `provider:secret` entries.
    public static func fromEnvironment(_ environment: [String: String]) throws(AccessConfigurationError) -> Self {
        var staffKeys: [StaffKey] = []
        for entry in entries(environment["ORDER_ENGINE_API_KEYS"]) {
            let parts = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[0].isEmpty, let role = StaffRole(rawValue: parts[1]) else {
                throw .malformedEntry(variable: "ORDER_ENGINE_API_KEYS", expected: "name:role:key")
            }
            staffKeys.append(StaffKey(name: parts[0], role: role, key: parts[2]))
        }
        var webhookSecrets: [String: [UInt8]] = [:]
        for entry in entries(environment["ORDER_ENGINE_WEBHOOK_SECRETS"]) {
            let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .malformedEntry(variable: "ORDER_ENGINE_WEBHOOK_SECRETS", expected: "provider:secret")
            }
            webhookSecrets[parts[0]] = Array(parts[1].utf8)
        }
        return try Self(
            staffKeys: staffKeys, memberTokenSecret: environment["ORDER_ENGINE_TOKEN_SECRET"].map { Array($0.utf8) },
            webhookSecrets: webhookSecrets)
    }

    /// API keys are kept only as SHA-256 digests.
    static func digest(_ key: some StringProtocol) -> [UInt8] { Array(SHA256.hash(data: Array(key.utf8))) }

    private static func entries(_ value: String?) -> [Substring] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces)[...] }.filter { !$0.isEmpty }
    }

    /// Whether any staff key is configured.
    public var hasStaffKeys: Bool { !staff.isEmpty }
    /// Whether member tokens can be issued and checked.
    public var hasMemberTokens: Bool { tokens != nil }
    /// The signer for member tokens, when a secret is configured.
    public var memberTokens: MemberTokenSigner? { tokens }
}

/// Why the access configuration was refused at start-up.
public enum AccessConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An API key is shorter than `AccessConfiguration.apiKeyByteCountMin`.
    case apiKeyTooShort(name: String)
    /// Two entries share one key.
    case duplicateAPIKey(name: String)
    /// The token secret is shorter than `MemberTokenSigner.secretByteCountMin`.
    case tokenSecretTooShort(Int)
    /// A webhook secret is shorter than `AccessConfiguration.webhookSecretByteCountMin`.
    case webhookSecretTooShort(provider: String)
    /// An environment entry does not have the expected shape.
    case malformedEntry(variable: String, expected: String)

    /// One line for the operator.
    public var description: String {
        switch self {
        case .apiKeyTooShort(let name):
            "API key \(name) is shorter than \(AccessConfiguration.apiKeyByteCountMin) bytes"
        case .duplicateAPIKey(let name): "API key \(name) repeats another entry's key"
        case .tokenSecretTooShort(let count):
            "the member token secret has \(count) bytes; at least \(MemberTokenSigner.secretByteCountMin) are needed"
        case .webhookSecretTooShort(let provider):
            "the webhook secret of \(provider) is shorter than \(AccessConfiguration.webhookSecretByteCountMin) bytes"
        case .malformedEntry(let variable, let expected): "\(variable) entries must look like \(expected)"
        }
    }
}
