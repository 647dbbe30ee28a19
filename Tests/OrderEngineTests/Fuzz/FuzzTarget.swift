/// One decoder under fuzzing: bytes in, and either a value or a typed error out. Anything else (a
/// crash, a trap, an error of another type, a broken property) is a finding.
struct FuzzTarget: Sendable, CustomStringConvertible {
    /// What a run of the decoder on one input came to.
    enum Verdict: Sendable {
        /// The input decoded (and passed the target's extra checks).
        case decoded
        /// The decoder refused the input with its own typed error.
        case refused
    }

    /// Something the decoder must never do, with the input that made it.
    struct Finding: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    /// Valid inputs to start mutating from.
    let seeds: [[UInt8]]
    /// Whether to mutate the input as JSON text (numbers and strings) as well as byte by byte.
    let isJSON: Bool
    /// Runs the decoder on one input; throws a `Finding` for anything but a value or a typed error.
    let run: @Sendable ([UInt8]) throws(Finding) -> Verdict

    var description: String { name }
}
