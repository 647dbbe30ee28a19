import OrderDomain

/// What a run of events adds to the sales aggregates, keyed by day (UTC, from the timestamp the
/// domain event carries) and currency, and by day, currency and SKU.
///
/// When each figure counts:
/// - revenue: money captured from the buyer (`order.payment_recorded`), on the capture's day;
///   it includes captures that settle after-sale charges;
/// - refunds: money given back (`order.refund_recorded`), on the refund's day;
/// - orders and units: when the order becomes paid (`order.paid`), with the units of its placed
///   lines;
/// - a SKU's revenue: the order's total due (after coupon and points) shared across its lines in
///   proportion to their value, recognised when the order is paid, so an order's SKU figures add
///   up to what it owed for its goods.
///
/// Nothing else changes sales. Pure: placements come from the caller.
struct SalesFold {
    private(set) var days: [SalesKey: SalesCounts] = [:]
    private(set) var skus: [SalesKey: SalesCounts] = [:]

    /// Folds one event in; `placement` gives a paid order's placement.
    mutating func apply(_ event: DomainEvent, placement: (OrderID) throws -> OrderPlacement) rethrows {
        guard case .order(let order, let event) = event else { return }
        switch event {
        case .paymentRecorded(_, let amount, let at):
            var counts = SalesCounts()
            counts.revenueMinorUnits = amount.minorUnits
            days[SalesKey(day: SalesDay(containing: at), currency: amount.currency), default: SalesCounts()].add(counts)
        case .refundRecorded(_, let amount, _, let at):
            var counts = SalesCounts()
            counts.refundedMinorUnits = amount.minorUnits
            days[SalesKey(day: SalesDay(containing: at), currency: amount.currency), default: SalesCounts()].add(counts)
        case .paid(let at):
            recordSale(try placement(order), day: SalesDay(containing: at))
        case .placed, .cancelled, .expired, .held, .holdReleased, .shipmentAllocated, .shipmentAllocationCancelled,
            .shipmentShipped, .shipmentDelivered, .completed, .returnReserved, .returnReleased, .chargeAdded,
            .chargeCancelled, .chargePaid, .paymentAuthorized, .authorizationReleased, .replacementDelivered,
            .chargePointsEarned:
            break
        }
    }

    private mutating func recordSale(_ placement: OrderPlacement, day: SalesDay) {
        let currency = placement.totalDue.currency
        var dayCounts = SalesCounts()
        dayCounts.orders = 1
        let shares = Self.revenueShares(of: placement)
        for (line, share) in zip(placement.lines, shares) {
            var counts = SalesCounts()
            counts.orders = 1
            counts.units = line.quantity
            counts.revenueMinorUnits = share
            skus[SalesKey(day: day, currency: currency, sku: line.sku), default: SalesCounts()].add(counts)
            dayCounts.units = SalesCounts.saturating(dayCounts.units, line.quantity)
        }
        days[SalesKey(day: day, currency: currency), default: SalesCounts()].add(dayCounts)
    }

    /// The total due split across lines by line value (unit price times quantity), rounding down,
    /// with the minor units lost to rounding given one each to the first lines: the shares add up
    /// to the total exactly.
    static func revenueShares(of placement: OrderPlacement) -> [Int64] {
        let values = placement.lines.map { line in
            let (value, overflow) = line.unitPrice.minorUnits.multipliedReportingOverflow(by: line.quantity)
            return overflow ? Int64.max : max(value, 0)
        }
        let total = max(placement.totalDue.minorUnits, 0)
        let valueSum = values.reduce(Int64(0)) { SalesCounts.saturating($0, $1) }
        guard valueSum > 0, valueSum < .max else {
            return placement.lines.indices.map { $0 == 0 ? total : 0 }
        }
        var shares = values.map { value in
            valueSum.dividingFullWidth(total.multipliedFullWidth(by: value)).quotient
        }
        var left = total - shares.reduce(0, +)
        var index = 0
        while left > 0, index < shares.count {
            shares[index] += 1
            left -= 1
            index += 1
        }
        return shares
    }
}
