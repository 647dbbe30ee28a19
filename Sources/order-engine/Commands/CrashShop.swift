import Foundation
import OrderEngine

/// The small shop the crash tests load: a few hot SKUs over two warehouses and a handful of
/// members. Its setup commands carry fixed ids, so a writer restarted on the same directory sends
/// them again and each is answered as a duplicate.
enum CrashShop {
    static let skus: [SKUID] = (0..<6).map { try! SKUID("crash-sku-\($0)") }
    static let warehouses: [WarehouseID] = ["wh-north", "wh-south"]
    static let members: [MemberID] = (0..<8).map { try! MemberID("crash-m\($0)") }
    static let unitsReceivedAtSetup: Int64 = 40
    static let unitPriceMinorUnits: Int64 = 1_990
    static let address = PostalAddress(
        recipient: "Crash Tester", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Test Road",
        postalCode: "200000")

    /// Registers and lists every SKU, stocks both warehouses and registers every member.
    static func setupCommands(at now: Timestamp) -> [EngineCommand] {
        var commands: [DomainCommand] = []
        for sku in skus {
            let price = Money(minorUnits: unitPriceMinorUnits, currency: .cny)
            commands.append(.catalog(sku, .register(SKUDefinition(id: sku, title: "Crash \(sku)", price: price, categoryPath: ["crash"]), at: now)))
            commands.append(.catalog(sku, .list(at: now)))
            for warehouse in warehouses {
                commands.append(.stock(StockItemID(sku: sku, warehouse: warehouse), .receive(quantity: unitsReceivedAtSetup, at: now)))
            }
        }
        for member in members {
            commands.append(.member(member, .register(MemberProfile(displayName: "Crash \(member)"), at: now)))
        }
        return commands.enumerated().map { index, command in
            EngineCommand(id: setupCommandId(index), actor: "staff:crash-setup", command: command)
        }
    }

    /// A fixed id per setup step: the same on every run.
    static func setupCommandId(_ index: Int) -> UUID {
        precondition(index >= 0 && index <= Int(UInt16.max))
        return UUID(uuid: (0x43, 0x52, 0x41, 0x53, 0x48, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, UInt8(index >> 8), UInt8(index & 0xFF)))
    }
}
