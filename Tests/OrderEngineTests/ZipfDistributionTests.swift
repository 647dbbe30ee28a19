import OrderEngine
import Testing

@Suite struct ZipfDistributionTests {
    @Test func probabilitiesFollowTheHarmonicWeights() {
        let zipf = ZipfDistribution(count: 4)
        let harmonic = 1.0 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4
        for rank in 0..<4 {
            #expect(abs(zipf.probability(of: rank) - 1 / Double(rank + 1) / harmonic) < 1e-12)
        }
    }

    @Test func exponentZeroIsUniform() {
        let zipf = ZipfDistribution(count: 5, exponent: 0)
        for rank in 0..<5 { #expect(abs(zipf.probability(of: rank) - 0.2) < 1e-12) }
    }

    @Test func samplesStayInRangeAndMatchTheWeights() {
        let zipf = ZipfDistribution(count: 1_000)
        var generator = SplitMix64Generator(seed: 42)
        var counts = [Int](repeating: 0, count: 1_000)
        let draws = 200_000
        for _ in 0..<draws { counts[zipf.sample(using: &generator)] += 1 }
        #expect(counts.reduce(0, +) == draws)
        for rank in [0, 1, 9] {
            let expected = zipf.probability(of: rank) * Double(draws)
            #expect(abs(Double(counts[rank]) - expected) < 5 * expected.squareRoot(), "rank \(rank)")
        }
        #expect(counts[0] > counts[999] * 100)
    }

    @Test func oneRankAlwaysDrawsIt() {
        let zipf = ZipfDistribution(count: 1)
        var generator = SplitMix64Generator(seed: 7)
        for _ in 0..<100 { #expect(zipf.sample(using: &generator) == 0) }
    }

    @Test func theSameSeedGivesTheSameSequence() {
        var first = SplitMix64Generator(seed: 99)
        var second = SplitMix64Generator(seed: 99)
        for _ in 0..<100 { #expect(first.next() == second.next()) }
        var bounded = SplitMix64Generator(seed: 1)
        for _ in 0..<1_000 {
            let draw = bounded.next(below: 7)
            #expect((0..<7).contains(draw))
        }
    }
}
