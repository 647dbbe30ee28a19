import EventLog
import OrderDomain

extension OrderEngine {
    /// Sales from `from` through `through` (UTC days, both included): revenue, refunds and refund
    /// rate, orders and units per day and for the range in each currency, and the `topSellerLimit`
    /// SKUs that sold the most units. Figures come from the sales projection, which follows the
    /// log and may lag it a little: `position` says how far they reach.
    public func salesReport(from: SalesDay, through: SalesDay, topSellerLimit: Int = 10) throws -> SalesReport {
        guard from <= through else { throw SalesError.rangeReversed(from: from, through: through) }
        guard through.daysSince1970 - from.daysSince1970 < Int64(SalesReport.dayCountMax) else {
            throw SalesError.rangeTooLong(from: from, through: through, dayCountMax: SalesReport.dayCountMax)
        }
        guard (1...SalesReport.topSellerCountMax).contains(topSellerLimit) else {
            throw SalesError.limitOutOfRange(limit: topSellerLimit, limitMax: SalesReport.topSellerCountMax)
        }
        let table = sales.table
        return try log.withSnapshot { reader in
            var report = SalesReport(
                from: from, through: through, days: [], totals: [:], topSellers: [], position: try table.checkpoint(reader: reader))
            var totals: [Currency: SalesCounts] = [:]
            try table.forEach(SalesKey.dayKind, from: from, through: through, reader: reader) { key, counts in
                if report.days.last?.day != key.day { report.days.append(DailySales(day: key.day, byCurrency: [:])) }
                report.days[report.days.count - 1].byCurrency[key.currency] = SalesTotals(counts, currency: key.currency)
                totals[key.currency, default: SalesCounts()].add(counts)
            }
            report.totals = totals.reduce(into: [Currency: SalesTotals]()) { $0[$1.key] = SalesTotals($1.value, currency: $1.key) }
            var sellers: [SalesKey: SalesCounts] = [:]
            try table.forEach(SalesKey.skuKind, from: from, through: through, reader: reader) { key, counts in
                sellers[SalesKey(day: from, currency: key.currency, sku: key.sku), default: SalesCounts()].add(counts)
            }
            report.topSellers = Self.ranked(sellers, limit: topSellerLimit)
            return report
        }
    }

    /// How far the sales projection has got.
    public var salesProjectionProgress: SalesProjectionProgress { sales.progress.progress }

    /// Returns once the sales figures include every event through `position`; throws
    /// `EngineError.closed` if the engine closes first, or why the projection stopped.
    public func waitForSalesProjection(through position: UInt64) async throws {
        try await sales.progress.waitUntil(position)
    }

    private static func ranked(_ sellers: [SalesKey: SalesCounts], limit: Int) -> [TopSeller] {
        let ranked = sellers.sorted { left, right in
            let (a, b) = (left.value, right.value)
            if a.units != b.units { return a.units > b.units }
            if a.revenueMinorUnits != b.revenueMinorUnits { return a.revenueMinorUnits > b.revenueMinorUnits }
            return left.key.bytes.lexicographicallyPrecedes(right.key.bytes)
        }
        return ranked.prefix(limit).map { key, counts in
            TopSeller(
                sku: key.sku!, units: counts.units,
                revenue: Money(minorUnits: counts.revenueMinorUnits, currency: key.currency), orders: counts.orders)
        }
    }
}
