/// Makes new inputs from known ones, the way a mutation fuzzer does: flipped bits, boundary bytes,
/// cut, repeated or spliced ranges, random bytes, and for JSON, numbers and strings swapped for
/// hostile ones. Deterministic for a given seed, so a failing run can be repeated.
struct FuzzMutator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    /// xorshift64*: fast, and good enough to pick mutations.
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next() % UInt64(bound))
    }

    static let boundaryBytes: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x20, 0x0A]

    /// One to four byte-level mutations of `input`; `other` is a second input to splice from.
    mutating func mutate(_ input: [UInt8], splicingFrom other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            mutateOnce(&bytes, other: other)
        }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], other: [UInt8]) {
        switch below(bytes.isEmpty ? 2 : 8) {
        case 0:
            bytes = (0..<below(64)).map { _ in UInt8(truncatingIfNeeded: next()) }
        case 1:
            let cut = below(other.count + 1)
            bytes = Array(bytes.prefix(below(bytes.count + 1))) + other[cut...]
        case 2:
            bytes[below(bytes.count)] ^= UInt8(1) << UInt8(below(8))
        case 3:
            bytes[below(bytes.count)] = Self.boundaryBytes[below(Self.boundaryBytes.count)]
        case 4:
            bytes.removeLast(below(bytes.count) + 1)
        case 5:
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + below(16) + 1))
        case 6:
            let start = below(bytes.count)
            let chunk = bytes[start..<min(bytes.count, start + below(32) + 1)]
            bytes.insert(contentsOf: Array(repeating: chunk, count: below(3) + 1).joined(), at: below(bytes.count + 1))
        default:
            let start = below(bytes.count)
            for index in start..<min(bytes.count, start + 8) { bytes[index] = UInt8(truncatingIfNeeded: next()) }
        }
    }

    static let hostileNumbers = [
        "0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "1e400", "-0", "0.5",
        "1000000000000000001", "18446744073709551616", "NaN",
    ]
    static let hostileStrings = [
        "", "\\u0000", "\\n", "\\u007f", "XXX", "cny", String(repeating: "x", count: 65), String(repeating: "é", count: 300),
        "\\ud800", "a@b", "null",
    ]

    /// Replaces one number or one string of a JSON text with a hostile one, or mutates its bytes.
    mutating func mutateJSON(_ input: [UInt8], splicingFrom other: [UInt8]) -> [UInt8] {
        let spans = below(2) == 0 ? Self.numberSpans(in: input) : Self.stringSpans(in: input)
        guard below(4) != 0, !spans.isEmpty else { return mutate(input, splicingFrom: other) }
        let span = spans[below(spans.count)]
        let isNumber = input[span.lowerBound] != UInt8(ascii: "\"")
        let replacement = isNumber
            ? Self.hostileNumbers[below(Self.hostileNumbers.count)]
            : "\"" + Self.hostileStrings[below(Self.hostileStrings.count)] + "\""
        var bytes = input
        bytes.replaceSubrange(span, with: Array(replacement.utf8))
        return bytes
    }

    /// Ranges of JSON numbers (digits with an optional leading minus) outside strings.
    static func numberSpans(in bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\\")) { inString.toggle() }
            if !inString, byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                let start = index
                index += 1
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
                spans.append(start..<index)
                continue
            }
            index += 1
        }
        return spans
    }

    /// Ranges of JSON string values (a quoted string not followed by a colon), quotes included.
    static func stringSpans(in bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") {
            if index > 0, bytes[index - 1] == UInt8(ascii: "\\") { continue }
            if let opened = start {
                if index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: ":") { spans.append(opened..<(index + 1)) }
                start = nil
            } else {
                start = index
            }
        }
        return spans
    }
}
