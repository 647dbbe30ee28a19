extension Currency {
    static let exponents: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
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
                guard let packed = pack(String(code)) else { preconditionFailure("bad table code \(code)") }
                table[packed] = exponent
            }
        }
        return table
    }()
}
