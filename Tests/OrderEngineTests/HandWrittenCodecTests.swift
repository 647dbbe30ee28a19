import OrderDomain
import OrderEngine
import Testing

/// `EventCodec` writes and reads events with hand-written codecs; these tests hold them to the
/// generic `Codable` path, which defines the format: the same bytes for every event, the same
/// event or the same error for any bytes.
@Suite struct HandWrittenCodecTests {
    let codec = EventCodec()
    let oracle = GenericEventCodec()
    /// Limits every sample breaks somewhere: short strings, one-element lists.
    static let tightLimits = BinaryCodingLimits(stringByteCountMax: 5, collectionCountMax: 1, nestingDepthMax: 6)

    @Test(arguments: EventSamples.all + EventSamples.variants)
    func writesTheBytesOfTheGenericEncoder(_ event: DomainEvent) throws {
        #expect(codec.encode(event).payload == (try oracle.encode(event)))
    }

    @Test(arguments: EventSamples.all + EventSamples.variants)
    func readsWhatTheGenericDecoderReads(_ event: DomainEvent) throws {
        let payload = try oracle.encode(event)
        let decoded = try codec.decode(eventType: event.typeTag, schemaVersion: 1, payload: payload)
        #expect(decoded == event)
        #expect(try oracle.decode(eventType: event.typeTag, payload: payload) == decoded)
    }

    @Test func refusesEveryTruncationWithTheGenericDecodersError() throws {
        for event in EventSamples.all + EventSamples.variants {
            let payload = try oracle.encode(event)
            for count in 0..<payload.count {
                expectAgreement(codec, oracle, event.typeTag, Array(payload[..<count]))
            }
        }
    }

    @Test func agreesWithTheGenericDecoderOnRandomAndMutatedBytes() throws {
        var random = SeededRandom(seed: 0xC0DEC)
        let tags = DomainEvent.typeNamesByTag.keys.sorted()
        let samples = EventSamples.all + EventSamples.variants
        for round in 0..<40_000 {
            let tag = tags[Int(random.next() % UInt64(tags.count))]
            var bytes = (0..<Int(random.next() % 96)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if round % 2 == 0 {
                let sample = samples[Int(random.next() % UInt64(samples.count))]
                bytes = random.mutated(try oracle.encode(sample))
                if round % 4 == 0 { expectAgreement(codec, oracle, sample.typeTag, bytes) }
            }
            expectAgreement(codec, oracle, tag, bytes)
        }
    }

    @Test func appliesTheCodecsLimitsAsTheGenericDecoderDoes() throws {
        let tight = EventCodec(schemaVersions: [:], upcasters: [], limits: Self.tightLimits)
        let tightOracle = GenericEventCodec(limits: Self.tightLimits)
        for event in EventSamples.all + EventSamples.variants {
            let payload = try oracle.encode(event)
            expectAgreement(tight, tightOracle, event.typeTag, payload)
        }
        let nineBytes = BinaryCodingLimits(stringByteCountMax: 9, collectionCountMax: 1, nestingDepthMax: 6)
        let cancelled = DomainEvent.order(
            "o-1", .cancelled(reason: String(repeating: "x", count: 10), at: .init(microsecondsSince1970: 0)))
        #expect(throws: EventCodecError.lengthTooLarge(length: 10, limit: 9)) {
            try EventCodec(schemaVersions: [:], upcasters: [], limits: nineBytes)
                .decode(eventType: 305, schemaVersion: 1, payload: try oracle.encode(cancelled))
        }
    }

    /// `EventCodec` requires limits that allow six levels, the deepest any event reaches through
    /// `Codable`; the oracle's payload struct adds a seventh.
    @Test func eventsNestSixCodableLevelsDeep() throws {
        func limits(depth: Int) -> BinaryCodingLimits {
            BinaryCodingLimits(stringByteCountMax: 4_096, collectionCountMax: 10_000, nestingDepthMax: depth)
        }
        for event in EventSamples.all + EventSamples.variants {
            #expect(throws: Never.self) { try GenericEventCodec(limits: limits(depth: 7)).encode(event) }
        }
        #expect(throws: EventCodecError.nestingTooDeep(limit: 6)) {
            try GenericEventCodec(limits: limits(depth: 6)).encode(EventSamples.orderPlaced)
        }
        let shallowest = EventCodec(schemaVersions: [:], upcasters: [], limits: limits(depth: 6))
        let (tag, version, payload) = shallowest.encode(EventSamples.orderPlaced)
        #expect(try shallowest.decode(eventType: tag, schemaVersion: version, payload: payload) == EventSamples.orderPlaced)
    }

    @Test func refusesUnknownCasesAndInvalidValuesLikeTheGenericDecoder() throws {
        let reserved = try oracle.encode(EventSamples.stockReserved)
        let caseNameOffset = 1 + 12 + 1 + 4
        #expect(reserved[caseNameOffset] == 8)
        var unknownCase = reserved
        unknownCase[caseNameOffset + 1] = UInt8(ascii: "R")
        var badID = reserved
        badID[1] = 0x01
        var badCurrency = try oracle.encode(
            .payment("p-1", .captured(amount: Money(minorUnits: 1, currency: .cny), at: .init(microsecondsSince1970: 0))))
        badCurrency[badCurrency.count - 2] = UInt8(ascii: "Q")
        var badReason = try oracle.encode(
            .stock(EventSamples.shirtInHangzhou, .adjusted(delta: 1, reason: .found, at: .init(microsecondsSince1970: 0))))
        badReason[badReason.count - 2] = UInt8(ascii: "x")
        for (tag, bytes) in [(205, unknownCase), (205, badID), (402, badCurrency), (203, badReason)] {
            expectAgreement(codec, oracle, UInt16(tag), bytes)
            #expect(throws: EventCodecError.self) { try codec.decode(eventType: UInt16(tag), schemaVersion: 1, payload: bytes) }
        }
    }

    func expectAgreement(
        _ codec: EventCodec, _ oracle: GenericEventCodec, _ tag: UInt16, _ bytes: [UInt8],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let fast = Result { () throws(EventCodecError) in try codec.decode(eventType: tag, schemaVersion: 1, payload: bytes) }
        let generic = Result { () throws(EventCodecError) in try oracle.decode(eventType: tag, payload: bytes) }
        #expect(fast == generic, "tag \(tag), bytes \(bytes)", sourceLocation: sourceLocation)
    }
}
