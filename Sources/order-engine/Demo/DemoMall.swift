import OrderEngine

/// The small mall the demo runs: two warehouses, six SKUs, four members and two coupons.
enum DemoMall {
    static let beijing: WarehouseID = "wh-beijing"
    static let shanghai: WarehouseID = "wh-shanghai"

    static let teeM: SKUID = "tee-white-m"
    static let teeL: SKUID = "tee-white-l"
    static let linenShirt: SKUID = "linen-shirt-blue-l"
    static let jeans: SKUID = "jeans-indigo-32"
    static let downJacket: SKUID = "down-jacket-black-xl"
    static let scarf: SKUID = "wool-scarf-grey"

    static let wangFang: MemberID = "m-wangfang"
    static let liWei: MemberID = "m-liwei"
    static let zhangMin: MemberID = "m-zhangmin"
    static let chenJie: MemberID = "m-chenjie"

    static let singlesDay: CouponCode = "SINGLES50"
    static let tops: CouponCode = "TOPS10"

    static func yuan(_ minorUnits: Int64) -> Money {
        Money(minorUnits: minorUnits, currency: .cny)
    }

    static let skus: [SKUDefinition] = [
        apparel(teeM, "Cotton tee, white, M", 9_900, ["apparel", "tops", "tees"], size: "M", colour: "white"),
        apparel(teeL, "Cotton tee, white, L", 9_900, ["apparel", "tops", "tees"], size: "L", colour: "white"),
        apparel(linenShirt, "Linen shirt, blue, L", 14_900, ["apparel", "tops", "shirts"], size: "L", colour: "blue"),
        apparel(
            jeans, "Slim jeans, indigo, W32", 29_900, ["apparel", "bottoms", "jeans"], size: "W32", colour: "indigo"),
        apparel(downJacket, "Down jacket, black, XL", 89_900, ["apparel", "outerwear"], size: "XL", colour: "black"),
        SKUDefinition(
            id: scarf, title: "Wool scarf, grey", price: yuan(12_900),
            attributes: [SKUAttribute(name: "colour", value: "grey")],
            categoryPath: ["accessories", "scarves"], backorderAllowed: true),
    ]

    /// Units on the shelves when the mall opens; tees M and jeans sit in both warehouses.
    static let openingStock: [(item: StockItemID, quantity: Int64)] = [
        (StockItemID(sku: teeM, warehouse: beijing), 3),
        (StockItemID(sku: teeM, warehouse: shanghai), 10),
        (StockItemID(sku: teeL, warehouse: beijing), 8),
        (StockItemID(sku: linenShirt, warehouse: shanghai), 6),
        (StockItemID(sku: jeans, warehouse: beijing), 5),
        (StockItemID(sku: jeans, warehouse: shanghai), 5),
        (StockItemID(sku: downJacket, warehouse: beijing), 2),
        (StockItemID(sku: scarf, warehouse: shanghai), 1),
    ]

    struct Shopper {
        let id: MemberID
        let profile: MemberProfile
        let address: PostalAddress
    }

    static let shoppers: [Shopper] = [
        shopper(wangFang, "Wang Fang", "13800000001", "Shanghai", "Shanghai", "88 Century Avenue, Pudong", "200120"),
        shopper(liWei, "Li Wei", "13800000002", "Beijing", "Beijing", "1 Jianguomenwai Street, Chaoyang", "100004"),
        shopper(zhangMin, "Zhang Min", "13800000003", "Zhejiang", "Hangzhou", "18 Wensan Road, Xihu", "310012"),
        shopper(chenJie, "Chen Jie", "13800000004", "Guangdong", "Shenzhen", "9 Keji Road, Nanshan", "518057"),
    ]

    static func address(of member: MemberID) -> PostalAddress {
        guard let shopper = shoppers.first(where: { $0.id == member }) else {
            preconditionFailure("\(member) is not one of the demo's shoppers")
        }
        return shopper.address
    }

    /// A Singles' Day voucher for every basket and a percentage off tops, each once per member.
    static let coupons: [CouponDefinition] = [
        CouponDefinition(
            code: singlesDay, discount: .fixed(yuan(5_000)), minimumSpend: yuan(29_900),
            validFrom: DemoDay.time(0, 0), validUntil: DemoDay.time(23, 59), usageLimit: 1_000, perMemberLimit: 1),
        CouponDefinition(
            code: tops, discount: .percentage(basisPoints: 1_000), minimumSpend: yuan(15_000),
            validFrom: DemoDay.time(0, 0), validUntil: DemoDay.time(23, 59), scope: .categories([["apparel", "tops"]]),
            usageLimit: 500, perMemberLimit: 1),
    ]

    private static func apparel(
        _ id: SKUID, _ title: String, _ price: Int64, _ path: [String], size: String, colour: String
    ) -> SKUDefinition {
        SKUDefinition(
            id: id, title: title, price: yuan(price),
            attributes: [SKUAttribute(name: "size", value: size), SKUAttribute(name: "colour", value: colour)],
            categoryPath: path)
    }

    private static func shopper(
        _ id: MemberID, _ name: String, _ phone: String, _ region: String, _ city: String, _ street: String,
        _ postalCode: String
    ) -> Shopper {
        Shopper(
            id: id,
            profile: MemberProfile(displayName: name, email: "\(id.rawValue.dropFirst(2))@example.com", phone: phone),
            address: PostalAddress(
                recipient: name, phone: phone, region: region, city: city, street: street, postalCode: postalCode))
    }
}
