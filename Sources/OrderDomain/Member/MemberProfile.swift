/// How a member is known and reached.
public struct MemberProfile: Sendable, Hashable, Codable {
    /// The name shown in the shop.
    public let displayName: String
    /// E-mail address; may be empty.
    public let email: String
    /// Phone number; may be empty.
    public let phone: String

    /// Creates a profile; validated by `Member.decide`.
    public init(displayName: String, email: String = "", phone: String = "") {
        self.displayName = displayName
        self.email = email
        self.phone = phone
    }

    func validate() throws(Refusal) {
        try Validation.text(displayName, "display name")
        try Validation.text(email, "email", maxBytes: 254, allowEmpty: true)
        try Validation.text(phone, "phone", maxBytes: 32, allowEmpty: true)
    }
}

/// A member's loyalty tier, set by staff.
public enum MemberTier: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every new member.
    case standard
    /// First step up.
    case silver
    /// Second step up.
    case gold
    /// The top tier.
    case platinum
}

/// One entry of a member's address book.
public struct AddressBookEntry: Sendable, Hashable, Codable {
    /// The entry's id within the book.
    public let id: AddressID
    /// The address.
    public let address: PostalAddress

    /// Creates an entry.
    public init(id: AddressID, address: PostalAddress) {
        self.id = id
        self.address = address
    }
}
