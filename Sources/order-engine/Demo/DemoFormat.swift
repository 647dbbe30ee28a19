import OrderEngine

/// How the demo writes amounts, lines and names for people.
enum DemoFormat {
    /// `¥744.00` for yuan, `12.50 USD` for other currencies.
    static func money(_ amount: Money) -> String {
        money(amount.minorUnits, amount.currency)
    }

    static func money(_ minorUnits: Int64, _ currency: Currency) -> String {
        let perMajor = currency.minorUnitsPerMajorUnit
        let (major, minor) = minorUnits.magnitude.quotientAndRemainder(dividingBy: perMajor.magnitude)
        var text = (minorUnits < 0 ? "-" : "") + String(major)
        if currency.minorUnitExponent > 0 {
            let digits = String(minor)
            text += "." + String(repeating: "0", count: Int(currency.minorUnitExponent) - digits.count) + digits
        }
        return currency == .cny ? "¥" + text : text + " " + currency.code
    }

    /// `tee-white-m×3, jeans-indigo-32×1`.
    static func lines(_ lines: [LineQuantity]) -> String {
        lines.map { "\($0.sku)×\($0.quantity)" }.joined(separator: ", ")
    }

    static func attributes(_ attributes: [SKUAttribute]) -> String {
        attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    }

    static func kind(_ kind: AfterSaleKind?) -> String {
        switch kind {
        case .return: "return"
        case .exchange: "exchange"
        case .claim(let type): "claim_\(type.rawValue)"
        case nil: "unknown"
        }
    }

    /// `text` padded with spaces to `width` characters.
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
