import Crypto
import Foundation
import Hummingbird
import OrderEngine

extension OrderEngineService {
    /// `POST /v1/webhooks/payments/{provider}`: a payment provider's callback. The
    /// `Webhook-Signature: t=<unix seconds>,v1=<hex>` header must carry HMAC-SHA256 of
    /// `"<t>.<raw body>"` under the provider's secret, with `t` within the tolerance of the
    /// service clock; otherwise 401 and nothing changes. The provider's event id makes the
    /// callback idempotent: a repeat is acknowledged and changes nothing.
    func paymentWebhook(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let provider = context.parameters.get("provider") ?? ""
        guard let secret = access.webhookSecrets[provider] else { throw Problem.notFound("no payment provider \(provider)") }
        let body = Data(buffer: try await request.body.collect(upTo: limits.commandBodyByteCountMax))
        try verifySignature(request.headers[.webhookSignature], body: body, secret: secret)
        let callback = try JSONBody.decode(PaymentCallbackBody.self, from: body)
        let principal = Principal.staff(name: "provider-" + provider, role: .operations)
        let command = EngineCommand(
            id: try commandId(route: "webhooks.payments", idempotencyKey: callback.eventId.rawValue, principal: principal),
            actor: "provider:" + provider,
            command: .payment(
                callback.payment,
                .recordCallback(providerEvent: callback.eventId, outcome: try callback.callbackOutcome(), at: now)))
        let result: Result<CommandOutcome, Problem>
        do throws(EngineError) {
            result = .success(try await engine.execute(command))
        } catch {
            result = .failure(Problem(error))
        }
        record("webhooks.payments", result, since: started)
        return switch result {
        case .success(let outcome):
            .json(bytes: CommandResultJSON.bytes(outcome), headers: outcome.duplicate ? [.idempotentReplayed: "true"] : [:])
        case .failure(let problem): problem.response
        }
    }

    private func verifySignature(_ header: String?, body: Data, secret: [UInt8]) throws(Problem) {
        guard let header else { throw .unauthenticated("the Webhook-Signature header is missing") }
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1", let bytes = Hex.bytes(pair[1]) { signatures.append(bytes) }
        }
        guard let timestamp, !signatures.isEmpty else {
            throw .unauthenticated("the Webhook-Signature header must be t=<unix seconds>,v1=<hex>")
        }
        let nowSeconds = clock.nowMicroseconds() / 1_000_000
        let (skewSeconds, overflow) = timestamp.subtractingReportingOverflow(nowSeconds)
        guard !overflow, skewSeconds.magnitude <= access.webhookToleranceSeconds.magnitude else {
            throw .unauthenticated("the webhook's timestamp is outside the \(access.webhookToleranceSeconds) s tolerance")
        }
        var signed = Array("\(timestamp).".utf8)
        signed.append(contentsOf: body)
        let expected = Array(HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: secret)))
        guard signatures.contains(where: { constantTimeEqual($0, expected) }) else {
            throw .unauthenticated("the webhook signature does not match")
        }
    }

    /// `POST /v1/members/{member}/tokens`: a signed member token for a registered member, valid for
    /// `ttlSeconds` (default one hour), for a sign-in service to hand to the member's app.
    func issueToken(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try principal(request).requireStaff(.operations)
        let member: MemberID = try parameter(context, "member")
        guard let signer = access.memberTokens else {
            throw Problem(
                status: 503, code: "member_tokens_disabled", title: "Member tokens disabled",
                detail: "set ORDER_ENGINE_TOKEN_SECRET to issue member tokens")
        }
        let body = Data(buffer: try await request.body.collect(upTo: limits.commandBodyByteCountMax))
        let ttl = try JSONBody.decode(TokenBody.self, from: body.isEmpty ? Data("{}".utf8) : body).ttlSeconds ?? 3600
        guard ttl > 0, ttl <= MemberTokenSigner.lifetimeSecondsMax else {
            throw Problem.invalid("ttlSeconds", "must be in 1...\(MemberTokenSigner.lifetimeSecondsMax)")
        }
        guard try engine.member(member) != nil else { throw Problem.notFound("no member \(member)") }
        let expiresAt = clock.nowMicroseconds() / 1_000_000 + ttl
        struct Issued: Encodable {
            let member: MemberID
            let token: String
            let expiresAt: String
        }
        return .json(
            Issued(
                member: member, token: signer.token(for: member, expiresAt: expiresAt),
                expiresAt: RFC3339.string(Timestamp(microsecondsSince1970: expiresAt * 1_000_000))))
    }
}

struct TokenBody: Decodable {
    let ttlSeconds: Int64?
}

/// What a provider reports: its own event id, our payment id, and what happened.
struct PaymentCallbackBody: Decodable {
    /// `captured` and `refunded` take `amount`; `failed` takes `reason`.
    enum Outcome: String, Decodable { case captured, refunded, voided, failed }

    let eventId: ProviderEventID
    let payment: PaymentID
    let outcome: Outcome
    let amount: Money?
    let reason: String?

    func callbackOutcome() throws(Problem) -> CallbackOutcome {
        switch outcome {
        case .captured:
            guard let amount else { throw .invalid("amount", "is required for a capture") }
            return .captured(amount)
        case .refunded:
            guard let amount else { throw .invalid("amount", "is required for a refund") }
            return .refunded(amount)
        case .voided:
            return .voided
        case .failed:
            return .failed(reason: reason ?? "")
        }
    }
}
