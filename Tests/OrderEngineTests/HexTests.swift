import OrderEngine
import Testing

@Suite("Hex")
struct HexTests {
    @Test func roundTripsEveryByte() {
        let bytes = (0...255).map(UInt8.init)
        let text = Hex.string(bytes)
        #expect(text.hasPrefix("000102") && text.hasSuffix("fdfeff") && text.utf8.count == 512)
        #expect(Hex.bytes(text) == bytes)
        #expect(Hex.bytes(text.uppercased()) == bytes)
    }

    @Test(arguments: ["0", "0g", "zz", "0x00", "ab c", "é1"])
    func refusesWhatIsNotHex(_ text: String) {
        #expect(Hex.bytes(text) == nil)
    }

    @Test func readsTheEmptyString() {
        #expect(Hex.bytes("") == [])
        #expect(Hex.string([]) == "")
    }
}
