import Foundation
import HTTPTypes
import Hummingbird
import OrderEngine

/// One command the service accepts: its route, who may send it and how its request becomes a
/// domain command. The table of these (`CommandRoute.all`) drives routing, the batch route,
/// metrics and the check that the OpenAPI document lists every route.
struct CommandRoute: Sendable {
    /// A stable name, `resource.action`, used by the batch route and in metrics.
    let name: String
    /// The HTTP method.
    let method: HTTPRequest.Method
    /// The path with `{parameter}` placeholders, such as `/v1/orders/{order}/cancel`.
    let path: String
    /// The least staff role that may send it, and whether a member may send it for themselves.
    let access: CommandAccess
    /// Builds the command; throws a 400 problem for bad input.
    let build: @Sendable (CommandInput) throws(Problem) -> DomainCommand

    init(
        _ name: String, _ method: HTTPRequest.Method, _ path: String, _ access: CommandAccess,
        build: @escaping @Sendable (CommandInput) throws(Problem) -> DomainCommand
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.access = access
        self.build = build
    }

    /// The parameter names in `path`, in order.
    var parameterNames: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// Every command route.
    static let all: [CommandRoute] =
        catalog + stock + orders + payments + shipments + afterSales + members + coupons

    /// The routes by name, for the batch route.
    static let byName: [String: CommandRoute] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

/// Who may send a command.
enum CommandAccess: Sendable {
    /// Staff keys with at least this role.
    case staff(StaffRole)
    /// Staff keys with at least this role, and members acting for themselves (their own profile,
    /// their own orders); the command says whose it is (see `Ownership`).
    case staffOrOwner(StaffRole)
}

/// What one command request carries once routed and authenticated.
struct CommandInput: Sendable {
    /// Path parameters by name.
    var parameters: [String: String]
    /// The raw JSON body; empty when none was sent.
    var body: Data
    /// The service clock's reading, stamped on the command.
    var now: Timestamp
    /// Who sent it.
    var principal: Principal

    /// A path parameter as a validated id; 400 naming the parameter when it is not one.
    func id<ID: DomainID>(_ name: String, as type: ID.Type = ID.self) throws(Problem) -> ID {
        guard let text = parameters[name] else { throw .invalid(name, "is required") }
        do {
            return try ID(text)
        } catch {
            throw .invalid(name, error.message)
        }
    }

    /// The body decoded as `type`; an absent body decodes as `{}`.
    func body<Body: Decodable>(_ type: Body.Type = Body.self) throws(Problem) -> Body {
        try JSONBody.decode(type, from: body.isEmpty ? Data("{}".utf8) : body)
    }

    /// The member a command is for: the body's, or the signed-in member's when the body names none.
    /// A member may not act for another member.
    func member(_ named: MemberID?) throws(Problem) -> MemberID {
        switch (named, principal) {
        case (let named?, .member(let signedIn)) where named != signedIn:
            throw .forbidden("a member may act only for themselves")
        case (let named?, _):
            return named
        case (nil, .member(let signedIn)):
            return signedIn
        case (nil, .staff):
            throw .invalid("member", "is required")
        }
    }
}
