import HTTPTypes
import Hummingbird
import OrderEngine

extension CommandRoute {
    static let members: [CommandRoute] = [
        CommandRoute("members.register", .post, "/v1/members", .staff(.operations)) { input throws(Problem) in
            let body = try input.body(RegisterMemberBody.self)
            return .member(body.member, .register(body.profile, at: input.now))
        },
        memberRoute("members.update_profile", .put, "/profile") { input throws(Problem) in
            .updateProfile(try input.body(ProfileBody.self).profile, at: input.now)
        },
        memberRoute("members.add_address", .post, "/addresses") { input throws(Problem) in
            let body = try input.body(AddAddressBody.self)
            return .addAddress(body.address, body.postalAddress, at: input.now)
        },
        memberRoute("members.change_address", .put, "/addresses/{address}") { input throws(Problem) in
            .changeAddress(try input.id("address"), try input.body(PostalAddress.self), at: input.now)
        },
        memberRoute("members.remove_address", .delete, "/addresses/{address}") { input throws(Problem) in
            .removeAddress(try input.id("address"), at: input.now)
        },
        memberRoute("members.set_default_address", .post, "/addresses/{address}/default") { input throws(Problem) in
            .setDefaultAddress(try input.id("address"), at: input.now)
        },
        memberRoute("members.add_favourite", .put, "/favourites/{sku}") { input throws(Problem) in
            .addFavourite(try input.id("sku"), at: input.now)
        },
        memberRoute("members.remove_favourite", .delete, "/favourites/{sku}") { input throws(Problem) in
            .removeFavourite(try input.id("sku"), at: input.now)
        },
        memberRoute("members.change_tier", .put, "/tier", access: .staff(.admin)) { input throws(Problem) in
            .changeTier(try input.body(TierBody.self).tier, at: input.now)
        },
        memberRoute("members.add_store_credit", .post, "/store-credit", access: .staff(.admin)) {
            input throws(Problem) in
            let body = try input.body(StoreCreditBody.self)
            return .addStoreCredit(body.amount, reason: body.reason, at: input.now)
        },
        memberRoute("members.spend_store_credit", .post, "/store-credit/spend", access: .staff(.admin)) {
            input throws(Problem) in
            let body = try input.body(StoreCreditBody.self)
            return .spendStoreCredit(body.amount, reason: body.reason, at: input.now)
        },
    ]

    /// A command on one member at `/v1/members/{member}<suffix>`; members may send it for themselves
    /// unless `access` says otherwise.
    private static func memberRoute(
        _ name: String, _ method: HTTPRequest.Method, _ suffix: String,
        access: CommandAccess = .staffOrOwner(.operations),
        _ command: @escaping @Sendable (CommandInput) throws(Problem) -> MemberCommand
    ) -> CommandRoute {
        CommandRoute(name, method, "/v1/members/{member}" + suffix, access) { input throws(Problem) in
            .member(try input.id("member"), try command(input))
        }
    }
}

/// The new member's id beside the fields of `ProfileBody`.
struct RegisterMemberBody: Decodable {
    let member: MemberID
    let profile: MemberProfile

    private enum CodingKeys: String, CodingKey { case member }

    init(from decoder: any Decoder) throws {
        member = try decoder.container(keyedBy: CodingKeys.self).decode(MemberID.self, forKey: .member)
        profile = try ProfileBody(from: decoder).profile
    }
}

struct ProfileBody: Decodable {
    let displayName: String
    let email: String?
    let phone: String?

    var profile: MemberProfile { MemberProfile(displayName: displayName, email: email ?? "", phone: phone ?? "") }
}

struct AddAddressBody: Decodable {
    let address: AddressID
    let recipient: String
    let phone: String
    let region: String
    let city: String
    let street: String
    let postalCode: String?

    var postalAddress: PostalAddress {
        PostalAddress(
            recipient: recipient, phone: phone, region: region, city: city, street: street, postalCode: postalCode ?? "")
    }
}

struct TierBody: Decodable {
    let tier: MemberTier
}

struct StoreCreditBody: Decodable {
    let amount: Money
    let reason: String
}
