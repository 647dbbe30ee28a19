import Foundation
import OrderDomain
import OrderEngine
import Testing

@Suite struct EventJSONTests {
    @Test func rendersAStockReservationAsOneSortedObject() {
        let json = EventJSON.string(EventSamples.stockReserved)
        #expect(
            json
                == #"{"event":{"reserved":{"at":{"microsecondsSince1970":1700000010000000},"backordered":1,"#
                + #""expiresAt":{"microsecondsSince1970":1700001810000000},"order":"o-1001","quantity":2}},"#
                + #""id":{"sku":"shirt-red-xl","warehouse":"hz-1"},"stream":"stock-shirt-red-xl@hz-1","#
                + #""type":"stock.reserved","typeTag":205}"#)
    }

    @Test func everyEventRendersWithItsTypeNameAndStream() throws {
        for event in EventSamples.all + EventSamples.variants {
            let data = EventJSON.data(event)
            #expect(EventJSON.data(event) == data)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["type"] as? String == event.typeName)
            #expect(object["stream"] as? String == event.streamId)
            #expect(object["typeTag"] as? Int == Int(event.typeTag))
            #expect(!data.contains(UInt8(ascii: "\n")))
        }
    }
}
