import Foundation
import OrderDomain
import OrderEngine
import Testing

@Suite struct EventsDocTests {
    @Test func eventsDocListsEveryTagWithItsName() throws {
        let docURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/events.md")
        let doc = try String(contentsOf: docURL, encoding: .utf8)
        for (tag, name) in DomainEvent.typeNamesByTag {
            #expect(doc.contains("| \(tag) | `\(name)` |"), "Docs/events.md lacks \(tag) \(name)")
        }
    }
}
