import OrderDomain

/// What a staff API key may do.
public enum StaffRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Everything, including the catalog, coupons, member tiers, store credit and member tokens.
    case admin
    /// Day-to-day work: stock, orders, payments, shipments, after-sales, members; no catalog or
    /// coupon definitions, tiers or store credit.
    case operations
    /// Queries and the event feed only.
    case readOnly = "read-only"

    /// Whether this role includes everything `other` may do.
    func includes(_ other: StaffRole) -> Bool {
        switch (self, other) {
        case (.admin, _): true
        case (.operations, .operations), (.operations, .readOnly): true
        case (.readOnly, .readOnly): true
        default: false
        }
    }
}

/// Who sent a request, as established by `Authenticator`.
public enum Principal: Sendable, Hashable {
    /// A staff member or system holding an API key.
    case staff(name: String, role: StaffRole)
    /// A shop member holding a signed token; sees and acts on their own orders and views only.
    case member(MemberID)

    /// The actor recorded on the events this principal causes.
    var actor: String {
        switch self {
        case .staff(let name, _): "staff:" + name
        case .member(let member): "member:" + member.rawValue
        }
    }

    /// A stable name, used to keep idempotency keys of different principals apart.
    var identity: String { actor }
}
