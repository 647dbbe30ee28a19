import Foundation

/// Picks ranks `0..<count` with Zipf's law: rank `k` with weight `1 / (k + 1)^exponent`. A peak
/// sale is skewed like this — a few SKUs take most of the orders, the long tail a trickle — so a
/// load test that picks SKUs uniformly would miss the contention that matters.
///
/// Sampling is a binary search of a precomputed cumulative table: O(log count), no allocation.
public struct ZipfDistribution: Sendable {
    /// Most ranks one distribution holds (the table takes 8 bytes each).
    public static let countMax = 10_000_000

    public let count: Int
    public let exponent: Double
    /// `cumulative[k]`: the probability of drawing a rank <= k; the last entry is 1.
    private let cumulative: [Double]

    /// `count` ranks, skew `exponent` (1 is the classic Zipf; 0 is uniform).
    public init(count: Int, exponent: Double = 1) {
        precondition(count > 0 && count <= Self.countMax, "Zipf count \(count) outside 1...\(Self.countMax)")
        precondition(exponent >= 0 && exponent.isFinite, "Zipf exponent must be finite and non-negative")
        self.count = count
        self.exponent = exponent
        var running = 0.0
        var table = [Double](repeating: 0, count: count)
        for rank in 0..<count {
            running += 1 / Double(rank + 1).power(exponent)
            table[rank] = running
        }
        for rank in 0..<count { table[rank] /= running }
        table[count - 1] = 1
        cumulative = table
    }

    /// The probability of drawing `rank`.
    public func probability(of rank: Int) -> Double {
        precondition(rank >= 0 && rank < count)
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1]
    }

    /// One rank in `0..<count`.
    public func sample<Generator: RandomNumberGenerator>(using generator: inout Generator) -> Int {
        let uniform = Double(generator.next() >> 11) * 0x1.0p-53
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > uniform { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Double {
    fileprivate func power(_ exponent: Double) -> Double {
        exponent == 1 ? self : Foundation.pow(self, exponent)
    }
}
