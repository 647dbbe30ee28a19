/// One descriptive attribute of a SKU, such as size or colour.
public struct SKUAttribute: Sendable, Hashable, Codable {
    /// The attribute's name, such as `"size"`.
    public let name: String
    /// The attribute's value, such as `"XL"`.
    public let value: String

    /// Pairs a name with a value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Everything that describes a SKU at registration; kept whole in the registration event.
public struct SKUDefinition: Sendable, Hashable, Codable {
    /// The SKU's id.
    public let id: SKUID
    /// The title shown to shoppers.
    public let title: String
    /// The unit price; its currency is the SKU's currency for good.
    public let price: Money
    /// Size, colour and the like, with unique names.
    public let attributes: [SKUAttribute]
    /// Categories from the root down, any depth up to `Limits.categoryDepthMax`.
    public let categoryPath: [String]
    /// Whether orders may reserve more than is in stock.
    public let backorderAllowed: Bool

    /// Describes a SKU; validated by `Catalog.decide`.
    public init(
        id: SKUID, title: String, price: Money, attributes: [SKUAttribute] = [],
        categoryPath: [String], backorderAllowed: Bool = false
    ) {
        self.id = id
        self.title = title
        self.price = price
        self.attributes = attributes
        self.categoryPath = categoryPath
        self.backorderAllowed = backorderAllowed
    }

    func validate() throws(Refusal) {
        try Validation.text(title, "title", maxBytes: Limits.titleBytesMax)
        try Validation.amount(price, "price", allowZero: true)
        guard attributes.count <= Limits.skuAttributeCountMax else {
            throw Refusal(.limitExceeded, "at most \(Limits.skuAttributeCountMax) attributes")
        }
        var names: Set<String> = []
        for attribute in attributes {
            try Validation.text(attribute.name, "attribute name")
            try Validation.text(attribute.value, "attribute value")
            guard names.insert(attribute.name).inserted else {
                throw .validation("attribute \(attribute.name) appears twice")
            }
        }
        guard !categoryPath.isEmpty, categoryPath.count <= Limits.categoryDepthMax else {
            throw .validation("category path must have 1...\(Limits.categoryDepthMax) levels")
        }
        for segment in categoryPath {
            try Validation.text(segment, "category", maxBytes: domainIDByteCountMax)
        }
    }
}
