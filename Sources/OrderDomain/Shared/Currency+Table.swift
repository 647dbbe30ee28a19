extension Currency {
    /// The minor-unit exponent of a packed code, nil for a code ISO 4217 does not list.
    @usableFromInline
    static func exponent(ofPacked packed: UInt32) -> UInt8? {
        let exponent = exponents[index(ofPacked: packed)]
        return exponent == unknown ? nil : exponent
    }

    /// A packed code of three capital letters as a number in 0..<26³.
    private static func index(ofPacked packed: UInt32) -> Int {
        let first = Int(packed >> 16) - 65
        let second = Int((packed >> 8) & 0xFF) - 65
        let third = Int(packed & 0xFF) - 65
        return (first * 26 + second) * 26 + third
    }

    private static let unknown: UInt8 = .max

    /// Every three-letter code's exponent, `unknown` for most: a look-up is one load, where a
    /// dictionary hashed the code on every amount decoded.
    private static let exponents: [UInt8] = {
        var table = [UInt8](repeating: unknown, count: 26 * 26 * 26)
        let groups: [(UInt8, String)] = [
            (0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
            (3, "BHD IQD JOD KWD LYD OMR TND"),
            (4, "CLF UYW"),
            (
                2,
                """
                AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN \
                BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD \
                FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR \
                KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN \
                MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD \
                SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD \
                TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG
                """
            ),
        ]
        for (exponent, codes) in groups {
            for code in codes.split(separator: " ") {
                guard let packed = pack(code.utf8) else { preconditionFailure("bad table code \(code)") }
                table[index(ofPacked: packed)] = exponent
            }
        }
        return table
    }()
}
