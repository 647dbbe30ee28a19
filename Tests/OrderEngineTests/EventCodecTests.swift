import Foundation
import OrderDomain
import OrderEngine
import Testing

@Suite struct EventCodecTests {
    let codec = EventCodec()

    @Test func samplesCoverEveryEventTypeOnce() {
        let tags = EventSamples.all.map(\.typeTag)
        #expect(Set(tags).count == tags.count)
        #expect(Set(tags) == Set(DomainEvent.typeNamesByTag.keys))
    }

    @Test func everyEventTypeHasTheNameItsTagIsRegisteredWith() {
        for event in EventSamples.all {
            #expect(DomainEvent.typeName(forTag: event.typeTag) == event.typeName)
        }
        #expect(Set(DomainEvent.typeNamesByTag.values).count == DomainEvent.typeNamesByTag.count)
        #expect(EventSamples.orderPlaced.typeName == "order.placed")
        #expect(EventSamples.stockReserved.typeName == "stock.reserved")
    }

    @Test(arguments: EventSamples.all + EventSamples.variants)
    func everyEventSurvivesARoundTrip(_ event: DomainEvent) throws {
        let (eventType, schemaVersion, payload) = codec.encode(event)
        #expect(eventType == event.typeTag)
        #expect(schemaVersion == 1)
        let decoded = try codec.decode(eventType: eventType, schemaVersion: schemaVersion, payload: payload)
        #expect(decoded == event)
        #expect(decoded.streamId == event.streamId)
    }

    @Test func encodingIsDeterministic() {
        for event in EventSamples.all + EventSamples.variants {
            let first = codec.encode(event).payload
            #expect(codec.encode(event).payload == first)
            #expect(EventCodec().encode(event).payload == first)
        }
    }

    @Test func payloadsAreCompact() {
        #expect(codec.encode(EventSamples.stockReserved).payload.count < 64)
        #expect(codec.encode(EventSamples.orderPlaced).payload.count < 300)
    }

    @Test func refusesAPayloadRecordedUnderAnotherTypeTag() {
        let (_, version, payload) = codec.encode(EventSamples.stockReserved)
        #expect(throws: EventCodecError.typeTagMismatch(recorded: 206, decoded: 205)) {
            try codec.decode(eventType: 206, schemaVersion: version, payload: payload)
        }
        #expect(throws: EventCodecError.self) {
            try codec.decode(eventType: 301, schemaVersion: version, payload: payload)
        }
    }

    @Test func refusesUnknownTypeTags() {
        let (_, version, payload) = codec.encode(EventSamples.stockReserved)
        for tag: UInt16 in [0, 100, 299, 900, 65_535] {
            #expect(throws: EventCodecError.unknownTypeTag(tag)) {
                try codec.decode(eventType: tag, schemaVersion: version, payload: payload)
            }
        }
    }

    @Test func refusesUnsupportedSchemaVersions() {
        let (tag, _, payload) = codec.encode(EventSamples.stockReserved)
        for version: UInt16 in [0, 2, 65_535] {
            #expect(throws: EventCodecError.unsupportedSchemaVersion(eventType: tag, schemaVersion: version)) {
                try codec.decode(eventType: tag, schemaVersion: version, payload: payload)
            }
        }
    }

    @Test func refusesTrailingBytes() {
        let (tag, version, payload) = codec.encode(EventSamples.stockReserved)
        #expect(throws: EventCodecError.malformed("1 bytes after the value")) {
            try codec.decode(eventType: tag, schemaVersion: version, payload: payload + [0])
        }
    }

    @Test func everyTruncationOfEveryPayloadIsATypedError() {
        for event in EventSamples.all + EventSamples.variants {
            let (tag, version, payload) = codec.encode(event)
            for count in 0..<payload.count {
                do {
                    let decoded = try codec.decode(eventType: tag, schemaVersion: version, payload: Array(payload[..<count]))
                    Issue.record("a truncated \(event.typeName) decoded to \(decoded)")
                } catch {
                    #expect(error != .unknownTypeTag(tag))
                }
            }
        }
    }

    @Test func randomBytesNeverCrashTheDecoder() {
        var random = SeededRandom(seed: 0x5EED)
        let tags = DomainEvent.typeNamesByTag.keys.sorted()
        var decodedCount = 0
        for round in 0..<40_000 {
            let tag = tags[Int(random.next() % UInt64(tags.count))]
            let count = Int(random.next() % 96)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if round % 2 == 0 {
                bytes = random.mutated(codec.encode(EventSamples.all[round / 2 % EventSamples.all.count]).payload)
            }
            if (try? codec.decode(eventType: tag, schemaVersion: 1, payload: bytes)) != nil { decodedCount += 1 }
        }
        #expect(decodedCount < 40_000)
    }

    @Test func decodesRecordsReadBackFromTheLog() async throws {
        let log = InMemoryEventLog()
        let events = EventSamples.all
        for event in events {
            let commandId = UUID()
            let metadata = EventMetadata(
                commandId: commandId, correlationId: UUID(), causationId: UUID(), timestampMicroseconds: 1,
                actor: "test")
            let proposed = codec.proposedEvent(event, metadata: metadata)
            #expect(proposed.streamId == event.streamId)
            _ = try await log.append(AppendRequest(commandId: commandId, events: [proposed]))
        }
        let recorded = try log.read(fromPosition: 1, limit: 1_000)
        #expect(try recorded.map { try codec.decode($0) } == events)
        var viewed: [DomainEvent] = []
        try log.scan(fromPosition: 1, through: .max, checkingChecksums: true) { _, view in
            viewed.append(try codec.decode(view))
            return true
        }
        #expect(viewed == events)
    }
}

/// SplitMix64: the same numbers on every run, so a failure can be replayed.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The bytes with one to three of them replaced at random.
    mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + Int(next() % 3)) where !result.isEmpty {
            let index = Int(next() % UInt64(result.count))
            result[index] = UInt8(truncatingIfNeeded: next())
        }
        return result
    }
}

@Suite struct EventPayloadLayoutTests {
    @Test func stockReservedHasTheLayoutDocumentedInEventsDoc() {
        let event = DomainEvent.stock(
            StockItemID(sku: "shirt", warehouse: "w1"),
            .reserved(
                order: "o1", quantity: 2, backordered: 0, expiresAt: Timestamp(microsecondsSince1970: 1_800_000_000),
                at: Timestamp(microsecondsSince1970: 0)))
        let expected: [UInt8] =
            [0x05, 0x73, 0x68, 0x69, 0x72, 0x74, 0x02, 0x77, 0x31]
            + [0x08, 0x72, 0x65, 0x73, 0x65, 0x72, 0x76, 0x65, 0x64]
            + [0x02, 0x6F, 0x31, 0x04, 0x00, 0x80, 0xC8, 0xCE, 0xB4, 0x0D, 0x00]
        let (tag, version, payload) = EventCodec().encode(event)
        #expect(tag == 205 && version == 1)
        #expect(payload == expected)
        #expect(payload.count == 29)
    }
}
