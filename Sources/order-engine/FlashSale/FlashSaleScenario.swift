import ArgumentParser
import OrderEngine

/// The peak-sale shapes `order-engine flash-sale` measures.
enum FlashSaleScenario: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Far more buyers than units of one hot SKU: most orders are refused.
    case sellOut = "sell-out"
    /// Enough stock for every order: every order is accepted and written.
    case sustained
    /// A thousand SKUs, chosen with a Zipf skew: hot ones sell out while the tail still sells.
    case manySKUs = "many-skus"
    /// Each buyer whose order is accepted pays for it and ships it.
    case fullPath = "full-path"

    /// The scenario's own sizes; flags override each.
    var defaults: FlashSaleSettings {
        switch self {
        case .sellOut: FlashSaleSettings(skuCount: 1, stockPerSKU: 100_000, buyerCount: 1_000, orderCount: 1_000_000)
        case .sustained: FlashSaleSettings(skuCount: 1, stockPerSKU: 1_000_000, buyerCount: 1_000, orderCount: 1_000_000)
        case .manySKUs: FlashSaleSettings(skuCount: 1_000, stockPerSKU: 500, buyerCount: 1_000, orderCount: 1_000_000)
        case .fullPath: FlashSaleSettings(skuCount: 1, stockPerSKU: 100_000, buyerCount: 1_000, orderCount: 100_000)
        }
    }
}

/// The sizes of one run, after the scenario's defaults and the flags.
struct FlashSaleSettings: Sendable {
    var skuCount: Int
    var stockPerSKU: Int
    var buyerCount: Int
    var orderCount: Int
    /// Orders a buyer hands the engine per call (1: one at a time, each awaited).
    var ordersPerCall = 1
    /// Members the buyers place orders as, one picked at random per order.
    var memberCount = 1_000
    /// Zipf exponent of the SKU choice (only matters with more than one SKU).
    var skuSkew = 1.0

    static let skuCountMax = 100_000
    static let buyerCountMax = 10_000
    static let ordersPerCallMax = 1_024
    static let memberCountMax = 1_000_000
    static let orderCountMax = 100_000_000
    static let stockPerSKUMax = 1_000_000_000

    /// Why the settings cannot run, or nil.
    var problem: String? {
        if !(1...Self.skuCountMax).contains(skuCount) { return "--skus must be in 1...\(Self.skuCountMax)" }
        if !(1...Self.stockPerSKUMax).contains(stockPerSKU) { return "--stock must be in 1...\(Self.stockPerSKUMax)" }
        if !(1...Self.buyerCountMax).contains(buyerCount) { return "--buyers must be in 1...\(Self.buyerCountMax)" }
        if !(1...Self.orderCountMax).contains(orderCount) { return "--orders must be in 1...\(Self.orderCountMax)" }
        if !(1...Self.ordersPerCallMax).contains(ordersPerCall) { return "--batch must be in 1...\(Self.ordersPerCallMax)" }
        if !(1...Self.memberCountMax).contains(memberCount) { return "--members must be in 1...\(Self.memberCountMax)" }
        if buyerCount * ordersPerCall > OrderEngine.queuedCommandCountMax {
            return "--buyers times --batch must stay within the engine's queue of \(OrderEngine.queuedCommandCountMax) commands"
        }
        return nil
    }
}
