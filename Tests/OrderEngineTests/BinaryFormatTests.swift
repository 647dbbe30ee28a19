import OrderDomain
import OrderEngine
import Testing

@Suite struct BinaryFormatTests {
    let encoder = BinaryEncoder()
    let decoder = BinaryDecoder()

    struct Point: Codable, Hashable {
        var x: Int64
        var y: Int32
        var label: String?
    }

    enum Shape: Codable, Hashable {
        case dot
        case circle(radius: UInt16)
        case path([Point], closed: Bool)
    }

    @Test func integersAreZigzagAndLEB128() throws {
        #expect(try encoder.encode(Int64(0)) == [0x00])
        #expect(try encoder.encode(Int64(-1)) == [0x01])
        #expect(try encoder.encode(Int64(1)) == [0x02])
        #expect(try encoder.encode(Int64(-64)) == [0x7F])
        #expect(try encoder.encode(Int64(64)) == [0x80, 0x01])
        #expect(try encoder.encode(UInt64(300)) == [0xAC, 0x02])
        #expect(try encoder.encode(UInt64.max) == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        for value in [Int64.min, Int64.max, -1_000_000, 0, 123_456_789] {
            #expect(try decoder.decode(Int64.self, from: encoder.encode(value)) == value)
        }
        #expect(try decoder.decode(Int32.self, from: encoder.encode(Int32.min)) == .min)
    }

    struct Pair: Codable, Hashable {
        var first: UInt64
        var second: UInt64
    }

    /// A varint of up to eight bytes is read as one word when eight bytes remain after its start,
    /// byte by byte otherwise: both ways must give the same number.
    @Test func varintsOfEveryLengthReadTheSameWithRoomAfterThemOrNot() throws {
        for bits in 0...64 {
            let full: UInt64 = bits == 0 ? 0 : .max >> (64 - bits)
            let top: UInt64 = bits == 0 ? 0 : 1 << (bits - 1)
            for value in [full, top, top | 1] {
                #expect(try decoder.decode(UInt64.self, from: encoder.encode(value)) == value)
                for second in [0, 1 << 20, UInt64.max] {
                    let pair = Pair(first: value, second: second)
                    #expect(try decoder.decode(Pair.self, from: encoder.encode(pair)) == pair)
                }
            }
        }
        let room = [UInt8](repeating: 0x01, count: 9)
        #expect(throws: EventCodecError.malformed("varint has a redundant final byte")) {
            try decoder.decode(Pair.self, from: [0x80, 0x00] + room)
        }
        #expect(throws: EventCodecError.malformed("varint has a redundant final byte")) {
            try decoder.decode(Pair.self, from: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00] + room)
        }
        #expect(throws: EventCodecError.malformed("varint exceeds 64 bits")) {
            try decoder.decode(Pair.self, from: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02] + room)
        }
    }

    @Test func structsAreTheirFieldsInOrderWithoutKeys() throws {
        let point = Point(x: -2, y: 3, label: "é")
        #expect(try encoder.encode(point) == [0x03, 0x06, 0x01, 0x02, 0xC3, 0xA9])
        #expect(try encoder.encode(Point(x: 0, y: 0, label: nil)) == [0x00, 0x00, 0x00])
        #expect(try decoder.decode(Point.self, from: encoder.encode(point)) == point)
    }

    @Test func enumCasesAreNamedAndTheirValuesPositional() throws {
        #expect(try encoder.encode(Shape.dot) == [0x03] + Array("dot".utf8))
        #expect(try encoder.encode(Shape.circle(radius: 5)) == [0x06] + Array("circle".utf8) + [0x05])
        let path = Shape.path([Point(x: 1, y: 2, label: nil), Point(x: 3, y: 4, label: "a")], closed: true)
        #expect(
            try encoder.encode(path)
                == [0x04] + Array("path".utf8) + [0x02, 0x02, 0x04, 0x00, 0x06, 0x08, 0x01, 0x01, 0x61, 0x01])
        for shape in [Shape.dot, .circle(radius: .max), path, .path([], closed: false)] {
            #expect(try decoder.decode(Shape.self, from: encoder.encode(shape)) == shape)
        }
    }

    @Test func listsLongerThanOneCountByteRoundTrip() throws {
        let numbers = (0..<20_000).map { Int64($0) - 10_000 }
        let limits = BinaryCodingLimits(stringByteCountMax: 16, collectionCountMax: 20_000, nestingDepthMax: 8)
        let bytes = try BinaryEncoder(limits: limits).encode(numbers)
        #expect(Array(bytes.prefix(3)) == [0xA0, 0x9C, 0x01])
        #expect(try BinaryDecoder(limits: limits).decode([Int64].self, from: bytes) == numbers)
    }

    @Test func dictionariesAndSetsHaveOneEncodingWhateverTheirOrder() throws {
        var forwards: [String: Int] = [:]
        var backwards: [String: Int] = [:]
        for index in 0..<200 { forwards["key\(index)"] = index }
        for index in (0..<200).reversed() { backwards["key\(index)"] = index }
        let bytes = try encoder.encode(forwards)
        #expect(try encoder.encode(backwards) == bytes)
        #expect(try decoder.decode([String: Int].self, from: bytes) == forwards)
        let set: Set<OrderID> = ["o3", "o1", "o2"]
        #expect(try encoder.encode(set) == [0x03, 0x02, 0x6F, 0x31, 0x02, 0x6F, 0x32, 0x02, 0x6F, 0x33])
        #expect(try decoder.decode(Set<OrderID>.self, from: encoder.encode(set)) == set)
    }

    @Test func refusesCollectionsOutOfOrderOrRepeated() {
        let outOfOrder: [UInt8] = [0x02, 0x01, 0x62, 0x01, 0x61]
        #expect(throws: EventCodecError.malformed("set elements are not in ascending byte order")) {
            try decoder.decode(Set<String>.self, from: outOfOrder)
        }
        #expect(throws: EventCodecError.malformed("dictionary keys are not in ascending byte order")) {
            try decoder.decode([String: Bool].self, from: [0x02, 0x01, 0x61, 0x00, 0x01, 0x61, 0x00])
        }
    }

    @Test func refusesHostileLengthsBeforeAllocating() {
        #expect(throws: EventCodecError.lengthTooLarge(length: 1 << 40, limit: 4_096)) {
            try decoder.decode(String.self, from: [0x80, 0x80, 0x80, 0x80, 0x80, 0x20])
        }
        #expect(throws: EventCodecError.lengthTooLarge(length: 1 << 40, limit: 10_000)) {
            try decoder.decode([Int64].self, from: [0x80, 0x80, 0x80, 0x80, 0x80, 0x20])
        }
        #expect(throws: EventCodecError.truncated) { try decoder.decode(String.self, from: [0x05, 0x61]) }
        #expect(throws: EventCodecError.truncated) { try decoder.decode([Int64].self, from: [0x05, 0x00]) }
    }

    @Test func refusesMalformedScalars() throws {
        #expect(throws: EventCodecError.invalidUTF8) { try decoder.decode(String.self, from: [0x02, 0xC3, 0x28]) }
        // A bad byte in the first eight, then past them, where the ASCII test reads by words.
        #expect(throws: EventCodecError.invalidUTF8) {
            try decoder.decode(String.self, from: [0x0A, 0x61, 0xFF] + Array("abcdefgh".utf8))
        }
        #expect(throws: EventCodecError.invalidUTF8) {
            try decoder.decode(String.self, from: [0x0A] + Array("abcdefghi".utf8) + [0xC3])
        }
        #expect(try decoder.decode(String.self, from: [0x0F] + Array("crème brûlée".utf8)) == "crème brûlée")
        #expect(throws: EventCodecError.truncated) { try decoder.decode(UInt64.self, from: [0x80, 0x80]) }
        #expect(throws: EventCodecError.malformed("boolean byte 2")) { try decoder.decode(Bool.self, from: [0x02]) }
        #expect(throws: EventCodecError.malformed("presence byte 2")) {
            try decoder.decode(Int64?.self, from: [0x02, 0x00])
        }
        #expect(throws: EventCodecError.malformed("varint has a redundant final byte")) {
            try decoder.decode(UInt64.self, from: [0x80, 0x00])
        }
        #expect(throws: EventCodecError.malformed("varint exceeds 64 bits")) {
            try decoder.decode(UInt64.self, from: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02])
        }
        #expect(throws: EventCodecError.malformed("300 does not fit UInt8")) {
            try decoder.decode(UInt8.self, from: [0xAC, 0x02])
        }
        #expect(throws: EventCodecError.self) { try decoder.decode(Shape.self, from: [0x03] + Array("cat".utf8)) }
        #expect(throws: EventCodecError.self) { try decoder.decode(Currency.self, from: [0x03] + Array("XXX".utf8)) }
        #expect(throws: EventCodecError.self) { try decoder.decode(OrderID.self, from: [0x00]) }
    }

    indirect enum Nest: Codable, Hashable {
        case leaf
        case node(Nest)
    }

    @Test func limitsNestingDepthBothWays() throws {
        var deep = Nest.leaf
        for _ in 0..<100 { deep = .node(deep) }
        #expect(throws: EventCodecError.nestingTooDeep(limit: 32)) { try encoder.encode(deep) }
        let unlimited = BinaryCodingLimits(stringByteCountMax: 16, collectionCountMax: 16, nestingDepthMax: 1_000)
        let bytes = try BinaryEncoder(limits: unlimited).encode(deep)
        #expect(try BinaryDecoder(limits: unlimited).decode(Nest.self, from: bytes) == deep)
        #expect(throws: EventCodecError.nestingTooDeep(limit: 32)) { try decoder.decode(Nest.self, from: bytes) }
    }

    @Test func refusesToEncodeWhatItWouldRefuseToDecode() {
        let long = String(repeating: "x", count: 4_097)
        #expect(throws: EventCodecError.lengthTooLarge(length: 4_097, limit: 4_096)) { try encoder.encode(long) }
        #expect(throws: EventCodecError.lengthTooLarge(length: 10_001, limit: 10_000)) {
            try encoder.encode([Bool](repeating: true, count: 10_001))
        }
    }
}
