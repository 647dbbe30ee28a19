import Foundation
import OrderEngine

/// The body of an accepted command: `{"commandId":…,"events":[…],"firstPosition":…,"lastPosition":…}`,
/// events in the export format of `EventJSON`; positions are absent when it wrote no event.
enum CommandResultJSON {
    static func bytes(_ outcome: CommandOutcome) -> Data {
        var json = Data(#"{"commandId":""#.utf8)
        json.append(contentsOf: outcome.commandId.uuidString.lowercased().utf8)
        json.append(contentsOf: #"","events":["#.utf8)
        for (index, event) in outcome.events.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(EventJSON.data(event))
        }
        json.append(UInt8(ascii: "]"))
        if !outcome.positions.isEmpty {
            json.append(contentsOf: #","firstPosition":\#(outcome.positions.lowerBound)"#.utf8)
            json.append(contentsOf: #","lastPosition":\#(outcome.positions.upperBound - 1)"#.utf8)
        }
        json.append(UInt8(ascii: "}"))
        return json
    }
}
