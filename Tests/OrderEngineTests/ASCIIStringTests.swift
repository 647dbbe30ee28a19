import OrderDomain
import Testing

@testable import OrderEngine

/// `BinaryReader.asciiString` builds short strings in their inline form itself; the result must be
/// the very string the standard library makes from the same bytes, bit for bit.
@Suite("ASCII strings")
struct ASCIIStringTests {
    /// Every length from empty to past the inline limit, over every printable character.
    static let texts: [String] = (0...40).map { length in
        let bytes: [UInt8] = (0..<length).map { index in UInt8(0x20 + (index * 7 + length) % 95) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: texts)
    func isTheStandardLibrarysString(_ text: String) {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBytes { BinaryReader.asciiString($0) }
        let standard = bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        #expect(fast == text)
        #expect(Array(fast.utf8) == bytes && fast.count == bytes.count)
        #expect(fast.hashValue == standard.hashValue)
        if bytes.count <= 15 {  // inline: the same two words; longer strings each have their storage
            #expect(unsafeBitCast(fast, to: (UInt64, UInt64).self) == unsafeBitCast(standard, to: (UInt64, UInt64).self))
        }
        #expect(fast + "!" == text + "!")
    }

    /// `BinaryReader.string` tests short text for ASCII on the words it builds the string from;
    /// anything else must still be validated as UTF-8.
    @Test(arguments: texts + ["é", "ab\u{7F}", "日本", "mañana-order-1", "\u{10FFFF}", "12345678901234é"])
    func readsTheStandardLibrarysString(_ text: String) throws {
        let bytes = Array(text.utf8)
        let read = try bytes.withUnsafeBytes { try BinaryReader.string($0) }
        #expect(read == text && Array(read.utf8) == bytes)
    }

    @Test(arguments: [[0xFF], [0x61, 0xC3], [0x61, 0x62, 0x63, 0x80], Array("fourteen-bytes".utf8) + [0xFE]] as [[UInt8]])
    func refusesInvalidUTF8(_ bytes: [UInt8]) {
        #expect(throws: EventCodecError.invalidUTF8) { try bytes.withUnsafeBytes { try BinaryReader.string($0) } }
    }

    @Test func idsDecodeToTheirText() throws {
        let codec = EventCodec()
        let event = DomainEvent.stock(
            StockItemID(sku: "sku-fifteen-byt", warehouse: "w"), .safetyStockSet(quantity: 3, at: Timestamp(microsecondsSince1970: 1)))
        let encoded = codec.encode(event)
        let decoded = try encoded.payload.withUnsafeBytes { try codec.decodeCurrent(eventType: encoded.eventType, payload: $0) }
        #expect(decoded == event)
        guard case .stock(let item, _) = decoded else { Issue.record("not a stock event"); return }
        #expect(item.sku.rawValue == "sku-fifteen-byt" && item.warehouse.rawValue == "w")
    }
}
