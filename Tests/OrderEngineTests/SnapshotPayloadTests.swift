import Foundation
import Testing

@testable import OrderEngine

@Suite struct SnapshotPayloadTests {
    /// Every kind of aggregate, from the sample events, so each table of the payload has rows.
    private static var states: DomainStates {
        var states = DomainStates()
        states.apply(EventSamples.all)
        return states
    }

    @Test func handWrittenBytesEqualTheGenericEncoding() throws {
        let states = Self.states
        #expect(!states.orders.isEmpty && !states.members.isEmpty && !states.catalogs.isEmpty)
        let generic = try BinaryEncoder(limits: .snapshot).encode(SnapshotPayload(states))
        #expect(try SnapshotPayload.bytes(of: states) == generic)
    }

    @Test func handWrittenBytesDecodeToTheSameStates() throws {
        let states = Self.states
        let bytes = try SnapshotPayload.bytes(of: states)
        let decoded = try BinaryDecoder(limits: .snapshot).decode(SnapshotPayload.self, from: bytes).states()
        #expect(decoded == states)
    }
}
