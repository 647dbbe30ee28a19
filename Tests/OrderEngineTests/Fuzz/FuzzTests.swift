import Foundation
import OrderEngine
import Testing

/// Mutation fuzzing of every decoder in `FuzzTargets.all`: each mutated input must give a value
/// or the decoder's own typed error, and never crash, trap or break the target's properties.
///
/// Bounded by default (`executionCountDefault` inputs per target, the same every run); the
/// environment can ask for more: `FUZZ_SECONDS` runs each target for that long instead, and
/// `FUZZ_SEED` picks other mutations. `make fuzz` sets both.
@Suite("Fuzzing")
struct FuzzTests {
    static let executionCountDefault = 100_000
    /// Inputs that decoded are kept to mutate further, up to this many per target.
    static let corpusCountMax = 4_096

    @Test(arguments: FuzzTargets.all)
    func decoderAnswersEveryInputWithAValueOrATypedError(target: FuzzTarget) throws {
        for seed in target.seeds {
            #expect(try target.run(seed) == .decoded, "a seed of \(target.name) must decode")
        }
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init)
        let seed = environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 1
        var mutator = FuzzMutator(seed: seed ^ Self.stableHash(target.name))
        var corpus = target.seeds
        var executions = 0
        var decoded = 0
        let start = ContinuousClock.now
        while seconds.map({ (ContinuousClock.now - start) < .seconds($0) }) ?? (executions < Self.executionCountDefault) {
            let base = corpus[mutator.below(corpus.count)]
            let other = corpus[mutator.below(corpus.count)]
            let input = target.isJSON ? mutator.mutateJSON(base, splicingFrom: other) : mutator.mutate(base, splicingFrom: other)
            executions += 1
            do {
                guard try target.run(input) == .decoded else { continue }
            } catch {
                Issue.record("\(target.name): \(error) on input \(Hex.string(input))")
                return
            }
            decoded += 1
            if corpus.count < Self.corpusCountMax { corpus.append(input) }
        }
        let elapsed = (ContinuousClock.now - start).components
        print("fuzz \(target.name): \(executions) executions, \(decoded) decoded, \(executions - decoded) refused, seed \(seed), \(elapsed.seconds) s")
    }

    /// FNV-1a of the name: the same on every run, unlike `hashValue`.
    static func stableHash(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
