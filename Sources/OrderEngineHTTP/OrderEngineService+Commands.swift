import Crypto
import Foundation
import Hummingbird
import OrderEngine

extension OrderEngineService {
    /// One command route: authenticate, decode, check access, execute, answer.
    func execute(_ route: CommandRoute, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let body = try await request.body.collect(upTo: limits.commandBodyByteCountMax)
        let parameters = Dictionary(
            uniqueKeysWithValues: route.parameterNames.map { ($0, context.parameters.get($0)?.removingPercentEncoding ?? "") })
        let result: Result<CommandOutcome, Problem>
        do throws(Problem) {
            let principal = try principal(request)
            let command = try prepare(
                route, parameters: parameters, body: Data(buffer: body), idempotencyKey: request.headers[.idempotencyKey],
                principal: principal)
            do throws(EngineError) {
                result = .success(try await engine.execute(command))
            } catch {
                result = .failure(Problem(error))
            }
        } catch {
            result = .failure(error)
        }
        record(route.name, result, since: started)
        switch result {
        case .success(let outcome):
            let representation = request.headers[.prefer].map(Self.asksForRepresentation) ?? false
            var headers: HTTPFields = outcome.duplicate ? [.idempotentReplayed: "true"] : [:]
            if representation && outcome.view != nil { headers[.preferenceApplied] = "return=representation" }
            return .json(bytes: CommandResultJSON.bytes(outcome, withView: representation), headers: headers)
        case .failure(let problem):
            return problem.response
        }
    }

    /// Whether a `Prefer` header (RFC 7240) asks for `return=representation`.
    static func asksForRepresentation(_ prefer: String) -> Bool {
        prefer.split(separator: ",").contains { preference in
            preference.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "return=representation"
        }
    }

    /// The engine command for a request, or the problem that stops it before the engine.
    func prepare(
        _ route: CommandRoute, parameters: [String: String], body: Data, idempotencyKey: String?, principal: Principal
    ) throws(Problem) -> EngineCommand {
        let input = CommandInput(parameters: parameters, body: body, now: now, principal: principal)
        let command = try route.build(input)
        try authorize(route.access, command, principal)
        return EngineCommand(
            id: try commandId(route: route.name, idempotencyKey: idempotencyKey, principal: principal),
            actor: principal.actor, command: command)
    }

    func record(_ command: String, _ result: Result<CommandOutcome, Problem>, since started: ContinuousClock.Instant) {
        let outcome =
            switch result {
            case .success(let outcome): outcome.duplicate ? "duplicate" : "accepted"
            case .failure(let problem): problem.code
            }
        metrics.record(command: command, outcome: outcome, seconds: (ContinuousClock.now - started).secondsDouble)
    }

    /// Staff need the route's role; a member may send only commands about themselves and their
    /// own orders (another member's order reads as not found).
    func authorize(_ access: CommandAccess, _ command: DomainCommand, _ principal: Principal) throws(Problem) {
        switch (access, principal) {
        case (.staff(let role), _), (.staffOrOwner(let role), .staff):
            try principal.requireStaff(role)
        case (.staffOrOwner, .member(let member)):
            switch command {
            case .placeOrder(let placement):
                guard placement.member == member else { throw .forbidden("a member may act only for themselves") }
            case .cancelOrder(let order, _, _), .authorizePayment(_, let order, _, _, _):
                try requireOwnOrder(order, member)
            case .requestAfterSale(_, let order, let claimant, _, _, _, _):
                guard claimant == member else { throw .forbidden("a member may act only for themselves") }
                try requireOwnOrder(order, member)
            case .member(let subject, _):
                guard subject == member else { throw .notFound("no member \(subject)") }
            default:
                throw .forbidden("this is for staff only")
            }
        }
    }

    func requireOwnOrder(_ order: OrderID, _ member: MemberID) throws(Problem) {
        let owner: MemberID?
        do {
            owner = try engine.order(order)?.order.placement?.member
        } catch {
            throw Problem(status: 500, code: "internal_error", title: "Internal error", detail: "reading the order failed")
        }
        guard owner == member else { throw .notFound("no order \(order)") }
    }

    /// A fresh id, or with an `Idempotency-Key` the same id every time this principal sends that
    /// key to this route, so a retry returns the first outcome and writes nothing.
    func commandId(route: String, idempotencyKey: String?, principal: Principal) throws(Problem) -> UUID {
        guard let key = idempotencyKey else { return UUID() }
        guard !key.isEmpty, key.utf8.count <= limits.idempotencyKeyByteCountMax,
            key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E })
        else {
            throw .invalid(
                "Idempotency-Key", "must be 1...\(limits.idempotencyKeyByteCountMax) visible ASCII characters")
        }
        var bytes = Array(SHA256.hash(data: Array((principal.identity + "\n" + route + "\n" + key).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: name-based, custom hash
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
