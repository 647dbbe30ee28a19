import Foundation
import OrderEngine

/// The body of an accepted command: `{"commandId":…,"events":[…],"firstPosition":…,"lastPosition":…}`,
/// events in the export format of `EventJSON`; positions are absent when it wrote no event. With
/// `withView`, the resulting view follows as `"view":{"order":…}` (or `member`, `stock`, `sku`,
/// `coupon`), in the same shapes as the query routes'.
enum CommandResultJSON {
    static func bytes(_ outcome: CommandOutcome, withView: Bool = false) -> Data {
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
        if withView, let view = outcome.view.flatMap(viewBytes) {
            json.append(contentsOf: #","view":"#.utf8)
            json.append(view)
        }
        json.append(UInt8(ascii: "}"))
        return json
    }

    private static func viewBytes(_ view: ResultingView) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return switch view {
        case .order(let order): try? encoder.encode(["order": OrderWire(order)])
        case .member(let id, let state): try? encoder.encode(["member": MemberWire(id, state)])
        case .stock(let stock): try? encoder.encode(["stock": SKUStockWire(stock)])
        case .catalog(let sku, let state): CatalogWire(sku, state).flatMap { try? encoder.encode(["sku": $0]) }
        case .coupon(let code, let state): CouponWire(code, state).flatMap { try? encoder.encode(["coupon": $0]) }
        }
    }
}
