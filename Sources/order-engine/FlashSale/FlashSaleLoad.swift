import Foundation
import Histogram
import OrderEngine
import Synchronization

/// The buyers: `buyerCount` concurrent tasks, each placing orders through the engine's public API
/// and awaiting each durable answer before the next, until `orderCount` orders have been tried.
final class FlashSaleLoad: Sendable {
    let shop: FlashSaleShop
    let engine: OrderEngine
    let payAndShip: Bool
    private let zipf: ZipfDistribution
    private let claimedOrderCount = Atomic<Int>(0)
    private let latencies = BuyerLatencies()

    init(shop: FlashSaleShop, engine: OrderEngine, payAndShip: Bool) {
        self.shop = shop
        self.engine = engine
        self.payAndShip = payAndShip
        zipf = ZipfDistribution(count: shop.settings.skuCount, exponent: shop.settings.skuSkew)
    }

    /// Runs every buyer to the end; returns their tallies added up, their latencies (microseconds,
    /// one entry per command) and the wall time.
    func run() async -> (tally: BuyerTally, latencies: Histogram<UInt64>, seconds: Double) {
        let settings = shop.settings
        let start = ContinuousClock.now
        let tally = await withTaskGroup(of: BuyerTally.self) { group in
            for buyer in 0..<settings.buyerCount {
                group.addTask { await self.buyer(buyer) }
            }
            var total = BuyerTally(skuCount: settings.skuCount)
            for await tally in group { total.add(tally) }
            return total
        }
        return (tally, latencies.merged, (ContinuousClock.now - start).secondsDouble)
    }

    private func buyer(_ buyer: Int) async -> BuyerTally {
        let settings = shop.settings
        var random = SplitMix64Generator(seed: UInt64(buyer) &* 0x9E37_79B9 &+ 1)
        var tally = BuyerTally(skuCount: settings.skuCount)
        var orders: [(number: Int, sku: Int, member: Int, id: UUID)] = []
        orders.reserveCapacity(settings.ordersPerCall)
        while tally.unexpected == nil {
            let first = claimedOrderCount.wrappingAdd(settings.ordersPerCall, ordering: .relaxed).oldValue
            if first >= settings.orderCount { break }
            orders.removeAll(keepingCapacity: true)
            for number in first..<min(first + settings.ordersPerCall, settings.orderCount) {
                let sku = settings.skuCount == 1 ? 0 : zipf.sample(using: &random)
                orders.append((number, sku, random.next(below: settings.memberCount), FlashSaleShop.commandID(&random)))
                tally.attemptsBySKU[sku] += 1
            }
            do {
                let results = try await place(orders, buyer: buyer)
                for (order, result) in zip(orders, results) { try await settle(order, result, buyer: buyer, into: &tally) }
            } catch {
                tally.unexpected = "\(error)"
            }
        }
        return tally
    }

    /// Sends the orders (one call, awaited) and records its latency against each.
    private func place(
        _ orders: [(number: Int, sku: Int, member: Int, id: UUID)], buyer: Int
    ) async throws -> [Result<CommandOutcome, EngineError>] {
        if orders.count == 1 {
            let command = try shop.placeOrder(orders[0].number, sku: orders[0].sku, member: orders[0].member, id: orders[0].id)
            let start = ContinuousClock.now
            let result: Result<CommandOutcome, EngineError>
            do {
                result = .success(try await engine.execute(command))
            } catch {
                result = .failure(error)
            }
            latencies.record(ContinuousClock.now - start, count: 1, buyer: buyer)
            return [result]
        }
        let commands = try orders.map { try shop.placeOrder($0.number, sku: $0.sku, member: $0.member, id: $0.id) }
        let start = ContinuousClock.now
        let results = await engine.execute(contentsOf: commands)
        latencies.record(ContinuousClock.now - start, count: orders.count, buyer: buyer)
        return results
    }

    /// Counts one answer; on the full path, pays for and ships an accepted order.
    private func settle(
        _ order: (number: Int, sku: Int, member: Int, id: UUID), _ result: Result<CommandOutcome, EngineError>,
        buyer: Int, into tally: inout BuyerTally
    ) async throws {
        switch result {
        case .success(let outcome):
            tally.acceptedOrders.append(order.number)
            tally.acceptedBySKU[order.sku] += 1
            guard payAndShip else { return }
            guard let total = outcome.events.lazy.compactMap(\.placedTotal).first else {
                throw CommandFailure("order o-\(order.number) was accepted without a placement")
            }
            for command in try shop.payAndShip(order.number, sku: order.sku, member: order.member, total: total) {
                let start = ContinuousClock.now
                _ = try await engine.execute(command)
                latencies.record(ContinuousClock.now - start, count: 1, buyer: buyer)
                tally.followUpCount += 1
            }
        case .failure(.refused(let refusal)) where refusal.code == .insufficientStock:
            tally.refusedCount += 1
        case .failure(let error):
            throw CommandFailure("order o-\(order.number): \(error)")
        }
    }
}

extension DomainEvent {
    fileprivate var placedTotal: Money? {
        if case .order(_, .placed(let placement)) = self { return placement.totalDue }
        return nil
    }
}
