import OrderDomain

/// What was sold in one currency over a day or a range.
public struct SalesTotals: Sendable, Hashable {
    /// Money captured from buyers.
    public var revenue: Money
    /// Money refunded to buyers.
    public var refunded: Money
    /// Orders that became paid.
    public var orders: Int64
    /// Units of those orders.
    public var units: Int64

    /// Refunded over revenue; nil when nothing was captured.
    public var refundRate: Double? {
        revenue.minorUnits > 0 ? Double(refunded.minorUnits) / Double(revenue.minorUnits) : nil
    }

    init(_ counts: SalesCounts, currency: Currency) {
        revenue = Money(minorUnits: counts.revenueMinorUnits, currency: currency)
        refunded = Money(minorUnits: counts.refundedMinorUnits, currency: currency)
        orders = counts.orders
        units = counts.units
    }
}

/// One day's sales, per currency.
public struct DailySales: Sendable, Hashable {
    public var day: SalesDay
    public var byCurrency: [Currency: SalesTotals]
}

/// A SKU's sales over a report's range, in one currency.
public struct TopSeller: Sendable, Hashable {
    public var sku: SKUID
    /// Units in paid orders.
    public var units: Int64
    /// Its share of those orders' totals (see `SalesFold`).
    public var revenue: Money
    /// Paid orders that bought it.
    public var orders: Int64

    public init(sku: SKUID, units: Int64, revenue: Money, orders: Int64) {
        self.sku = sku
        self.units = units
        self.revenue = revenue
        self.orders = orders
    }
}

/// Sales over a range of days: per day, for the whole range, and the SKUs that sold most.
public struct SalesReport: Sendable, Hashable {
    /// Most days one report may span.
    public static let dayCountMax = 366
    /// Most top sellers one report may list.
    public static let topSellerCountMax = 1_000

    public var from: SalesDay
    public var through: SalesDay
    /// Days with any sale or refund, in order; days without are left out.
    public var days: [DailySales]
    /// The whole range, per currency.
    public var totals: [Currency: SalesTotals]
    /// SKUs by units sold, then by revenue, most first.
    public var topSellers: [TopSeller]
    /// The last log position the figures include: later events are not in them yet.
    public var position: UInt64
}
