/// A number of units of one SKU: an order request, a shipment line, a return line.
public struct LineQuantity: Sendable, Hashable, Codable {
    /// The SKU.
    public let sku: SKUID
    /// Units of it; always positive once validated.
    public let quantity: Int64

    /// Pairs a SKU with a unit count.
    public init(sku: SKUID, quantity: Int64) {
        self.sku = sku
        self.quantity = quantity
    }
}

extension LineQuantity {
    /// Refuses empty lists, too many lines, repeated SKUs and bad quantities.
    static func validate(_ lines: [LineQuantity]) throws(Refusal) {
        guard !lines.isEmpty else { throw .validation("at least one line is required") }
        guard lines.count <= Limits.orderLineCountMax else {
            throw .validation("at most \(Limits.orderLineCountMax) lines, got \(lines.count)")
        }
        for (index, line) in lines.enumerated() {
            try Validation.positive(line.quantity, "quantity")
            for earlier in lines[..<index] where earlier.sku == line.sku {
                throw .validation("SKU \(line.sku) appears on two lines")
            }
        }
    }
}
