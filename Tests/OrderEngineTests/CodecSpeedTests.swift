import OrderDomain
import OrderEngine
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints encode and decode cost per event; compare numbers with `swift test -c release`.
@Suite struct CodecSpeedTests {
    @Test(arguments: [EventSamples.orderPlaced, EventSamples.stockReserved])
    func measureEncodeAndDecode(_ event: DomainEvent) throws {
        let codec = EventCodec()
        let iterations = 20_000
        var payload: [UInt8] = []
        var checksum = 0
        let encodeStart = ContinuousClock.now
        for _ in 0..<iterations {
            payload = codec.encode(event).payload
            checksum &+= payload.count
        }
        let encodeElapsed = ContinuousClock.now - encodeStart
        let decodeStart = ContinuousClock.now
        for _ in 0..<iterations {
            let decoded = try codec.decode(eventType: event.typeTag, schemaVersion: 1, payload: payload)
            checksum &+= Int(decoded.typeTag)
        }
        let decodeElapsed = ContinuousClock.now - decodeStart
        #expect(checksum > 0)
        print(
            "codec speed \(event.typeName): \(payload.count) bytes, encode \(nanoseconds(encodeElapsed, iterations)) ns,"
                + " decode \(nanoseconds(decodeElapsed, iterations)) ns per event")
    }

    func nanoseconds(_ duration: Duration, _ iterations: Int) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return (seconds * 1_000_000_000 + attoseconds / 1_000_000_000) / Int64(iterations)
    }
}
