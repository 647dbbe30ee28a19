import Histogram
import OrderEngine

/// What one buyer saw; buyers keep their own and the run adds them up at the end, so the hot
/// loop shares nothing but the order counter.
struct BuyerTally: Sendable {
    /// Submit-to-acknowledgement latencies, microseconds, one entry per command.
    var latencies = Self.emptyHistogram()
    var attemptsBySKU: [Int]
    var acceptedBySKU: [Int]
    /// Order numbers the engine accepted.
    var acceptedOrders: [Int] = []
    var refusedCount = 0
    /// Commands sent after placement (full path only), all of which must be accepted.
    var followUpCount = 0
    /// The first answer no scenario expects (anything but acceptance or `insufficient_stock`).
    var unexpected: String?

    /// Latencies above this (a minute) are recorded as this.
    static let latencyMicrosecondsMax: UInt64 = 60_000_000

    init(skuCount: Int) {
        attemptsBySKU = [Int](repeating: 0, count: skuCount)
        acceptedBySKU = [Int](repeating: 0, count: skuCount)
    }

    /// Two significant digits (1 % resolution) keep a buyer's histogram near 10 KiB.
    static func emptyHistogram() -> Histogram<UInt64> {
        Histogram(highestTrackableValue: latencyMicrosecondsMax, numberOfSignificantValueDigits: .two)
    }

    mutating func recordLatency(_ duration: Duration, count: Int) {
        let microseconds = UInt64(max(0, duration.secondsDouble * 1_000_000))
        _ = latencies.record(min(microseconds, Self.latencyMicrosecondsMax), count: UInt64(count))
    }

    mutating func add(_ other: BuyerTally) {
        latencies.add(other.latencies)
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
