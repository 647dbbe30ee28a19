/// A small, fast, seeded random number generator (SplitMix64): load generators need the same
/// sequence on every run, so figures and failures can be reproduced, at a few cycles per draw.
public struct SplitMix64Generator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The same seed gives the same sequence.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in `0..<bound`, by multiply-shift (bias below 2^-32 for the bounds a load uses).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0)
        return Int((UInt64(truncatingIfNeeded: next() >> 32) &* UInt64(bound)) >> 32)
    }
}
