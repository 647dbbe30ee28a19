import Crypto
import Foundation
import OrderDomain

/// Signed, expiring member tokens: compact JWTs (RFC 7519) signed with HMAC-SHA256 (`HS256`),
/// carrying the member id in `sub` and the expiry in `exp` (seconds since 1970).
public struct MemberTokenSigner: Sendable {
    private let secret: [UInt8]

    /// Shortest secret accepted, in bytes.
    public static let secretByteCountMin = 32
    /// Longest lifetime a token may be issued for.
    public static let lifetimeSecondsMax: Int64 = 30 * 24 * 3600

    /// A signer with a secret of at least `secretByteCountMin` bytes.
    public init(secret: [UInt8]) throws(AccessConfigurationError) {
        guard secret.count >= Self.secretByteCountMin else { throw .tokenSecretTooShort(secret.count) }
        self.secret = secret
    }

    /// A token for `member` that expires at `expiresAt` (seconds since 1970).
    public func token(for member: MemberID, expiresAt: Int64) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let claims = Claims(sub: member.rawValue, exp: expiresAt)
        let payload = Base64URL.encode(Array((try? JSONEncoder().encode(claims)) ?? Data()))
        let signingInput = header + "." + payload
        return signingInput + "." + Base64URL.encode(signature(of: signingInput))
    }

    /// The member a token names, if its signature is right and it has not expired at `now`
    /// (seconds since 1970).
    public func member(of token: some StringProtocol, now: Int64) throws(Problem) -> MemberID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let given = Base64URL.decode(parts[2]) else {
            throw .unauthenticated("the bearer token is not a signed member token")
        }
        let expected = signature(of: parts[0] + "." + parts[1])
        guard given.count == expected.count, constantTimeEqual(given, expected) else {
            throw .unauthenticated("the bearer token's signature does not match")
        }
        guard let headerBytes = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)), header.alg == "HS256",
            let payloadBytes = Base64URL.decode(parts[1]),
            let claims = try? JSONDecoder().decode(Claims.self, from: Data(payloadBytes))
        else {
            throw .unauthenticated("the bearer token's claims are malformed")
        }
        guard claims.exp > now else { throw .unauthenticated("the bearer token has expired") }
        guard let member = try? MemberID(claims.sub) else { throw .unauthenticated("the bearer token names no member") }
        return member
    }

    private func signature(of input: some StringProtocol) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: SymmetricKey(data: secret)))
    }

    private struct Header: Codable { var alg: String }
    private struct Claims: Codable {
        var sub: String
        var exp: Int64
    }
}

/// Compares two byte strings of equal length in time that does not depend on where they differ.
func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}

/// Base64url without padding (RFC 4648 §5), as JWTs use it.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
