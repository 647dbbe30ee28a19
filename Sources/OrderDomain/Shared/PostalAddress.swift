/// Where parcels go: an entry of a member's address book and an order's shipping address.
public struct PostalAddress: Sendable, Hashable, Codable {
    /// Who receives the parcel.
    public let recipient: String
    /// A phone number for the carrier.
    public let phone: String
    /// Province or state.
    public let region: String
    /// City.
    public let city: String
    /// Street, building and unit.
    public let street: String
    /// Postal code; may be empty where none is used.
    public let postalCode: String

    /// Creates an address; validated by the deciders that accept it.
    public init(recipient: String, phone: String, region: String, city: String, street: String, postalCode: String) {
        self.recipient = recipient
        self.phone = phone
        self.region = region
        self.city = city
        self.street = street
        self.postalCode = postalCode
    }

    func validate() throws(Refusal) {
        try Validation.text(recipient, "recipient")
        try Validation.text(phone, "phone", maxBytes: 32)
        try Validation.text(region, "region")
        try Validation.text(city, "city")
        try Validation.text(street, "street")
        try Validation.text(postalCode, "postal code", maxBytes: 16, allowEmpty: true)
    }
}
