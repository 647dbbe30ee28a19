import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import OrderEngine

extension AccessConfiguration {
    /// Who sent the request: a staff key in `X-API-Key`, or a member token in
    /// `Authorization: Bearer`. 401 when neither is present or valid.
    func principal(of request: Request, nowSeconds: Int64) throws(Problem) -> Principal {
        if let key = request.headers[.apiKey] {
            guard let staff = staff[Self.digest(key)] else {
                throw .unauthenticated("the API key is not valid")
            }
            return .staff(name: staff.name, role: staff.role)
        }
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer ") else {
                throw .unauthenticated("the Authorization header must be `Bearer <member token>`")
            }
            guard let tokens else { throw .unauthenticated("member tokens are not enabled on this service") }
            return .member(try tokens.member(of: authorization.dropFirst(7), now: nowSeconds))
        }
        throw .unauthenticated("send a staff key in X-API-Key or a member token in Authorization: Bearer")
    }
}

extension Principal {
    /// Requires a staff key with at least `role`; members get 403.
    func requireStaff(_ role: StaffRole) throws(Problem) {
        switch self {
        case .staff(_, let held) where held.includes(role): return
        case .staff(let name, let held):
            throw .forbidden("key \(name) has role \(held.rawValue); this needs \(role.rawValue)")
        case .member: throw .forbidden("this is for staff only")
        }
    }

    /// Staff with at least `role`, or the member `owner` themselves; any other member gets 404,
    /// so one member cannot learn what another has.
    func requireStaffOrOwner(_ role: StaffRole, owner: MemberID?, notFound: @autoclosure () -> Problem) throws(Problem) {
        switch self {
        case .staff: try requireStaff(role)
        case .member(let member) where member == owner: return
        case .member: throw notFound()
        }
    }
}

extension HTTPField.Name {
    static let apiKey = HTTPField.Name("X-API-Key")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    static let prefer = HTTPField.Name("Prefer")!
    static let preferenceApplied = HTTPField.Name("Preference-Applied")!
    static let webhookSignature = HTTPField.Name("Webhook-Signature")!
}
