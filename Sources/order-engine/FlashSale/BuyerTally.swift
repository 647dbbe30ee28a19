import Histogram
import OrderEngine
import Synchronization

/// What one buyer saw; buyers keep their own and the run adds them up at the end, so the hot
/// loop shares nothing but the order counter (and, for latencies, `BuyerLatencies`).
struct BuyerTally: Sendable {
    var attemptsBySKU: [Int]
    var acceptedBySKU: [Int]
    /// Order numbers the engine accepted.
    var acceptedOrders: [Int] = []
    var refusedCount = 0
    /// Commands sent after placement (full path only), all of which must be accepted.
    var followUpCount = 0
    /// The first answer no scenario expects (anything but acceptance or `insufficient_stock`).
    var unexpected: String?

    init(skuCount: Int) {
        attemptsBySKU = [Int](repeating: 0, count: skuCount)
        acceptedBySKU = [Int](repeating: 0, count: skuCount)
    }

    mutating func add(_ other: BuyerTally) {
        for index in attemptsBySKU.indices {
            attemptsBySKU[index] += other.attemptsBySKU[index]
            acceptedBySKU[index] += other.acceptedBySKU[index]
        }
        acceptedOrders += other.acceptedOrders
        refusedCount += other.refusedCount
        followUpCount += other.followUpCount
        unexpected = unexpected ?? other.unexpected
    }

    var acceptedCount: Int { acceptedOrders.count }
    var attemptCount: Int { attemptsBySKU.reduce(0, +) }
}

/// Every buyer's submit-to-acknowledgement latencies, in a few histograms each behind its own lock;
/// buyer b records into histogram b mod `stripeCount`. A histogram per buyer (1,000 of about
/// 10 KiB) was out of cache at nearly every record: a fifth of a buyer's time. Eight stay in cache,
/// and with two cores their locks are seldom contended.
final class BuyerLatencies: Sendable {
    static let stripeCount = 8
    /// Latencies above this (a minute) are recorded as this.
    static let latencyMicrosecondsMax: UInt64 = 60_000_000

    /// Two significant digits (1 % resolution) keep a histogram near 10 KiB.
    private static func emptyHistogram() -> Histogram<UInt64> {
        Histogram(highestTrackableValue: latencyMicrosecondsMax, numberOfSignificantValueDigits: .two)
    }

    private final class Stripe: Sendable {
        let histogram = Mutex(BuyerLatencies.emptyHistogram())
    }

    private let stripes = (0..<BuyerLatencies.stripeCount).map { _ in Stripe() }

    /// Records `count` commands that took `duration` each, for buyer `buyer`.
    func record(_ duration: Duration, count: Int, buyer: Int) {
        let microseconds = min(UInt64(max(0, duration.secondsDouble * 1_000_000)), Self.latencyMicrosecondsMax)
        stripes[buyer % Self.stripeCount].histogram.withLock { _ = $0.record(microseconds, count: UInt64(count)) }
    }

    /// Everything recorded, in one histogram.
    var merged: Histogram<UInt64> {
        var merged = Self.emptyHistogram()
        for stripe in stripes { stripe.histogram.withLock { merged.add($0) } }
        return merged
    }
}
