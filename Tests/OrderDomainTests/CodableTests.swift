import Foundation
import OrderDomain
import Testing

@Suite struct CodableTests {
    @Test func everyEventAndStateSurvivesAnEncodingRoundTrip() throws {
        var simulation = try Simulation()
        var seed: UInt64 = 7
        for _ in 0..<1_500 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            simulation.step(Int(seed >> 33) % 10_000_000)
        }
        let log = simulation.shop.log
        let decoded = try JSONDecoder().decode([DomainEvent].self, from: JSONEncoder().encode(log))
        #expect(decoded == log)
        let orders = simulation.shop.states.orders
        #expect(try JSONDecoder().decode([OrderID: OrderState].self, from: JSONEncoder().encode(orders)) == orders)
    }

    @Test func commandsSurviveAnEncodingRoundTrip() throws {
        let commands: [DomainCommand] = [
            .placeOrder(
                PlaceOrder(
                    order: "o1", member: "m1", lines: [line("shirt", 1)], shippingAddress: home, coupon: "C",
                    pointsToRedeem: 5, at: at(1))),
            .payment("p1", .recordCallback(providerEvent: "e1", outcome: .captured(cny(5)), at: at(2))),
            .requestAfterSale(
                "a1", order: "o1", member: "m1", kind: .exchange(replacements: [line("hat", 1)]),
                lines: [line("shirt", 1)], reason: "r", at: at(3)),
        ]
        #expect(try JSONDecoder().decode([DomainCommand].self, from: JSONEncoder().encode(commands)) == commands)
    }

    @Test func typeTagsAreUniquePerAggregate() throws {
        var simulation = try Simulation()
        var seed: UInt64 = 11
        var tagsByCase: [UInt16: String] = [:]
        for _ in 0..<3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            simulation.step(Int(seed >> 33) % 10_000_000)
        }
        for event in simulation.shop.log {
            let name = caseName(event)
            if let known = tagsByCase[event.typeTag] { #expect(known == name) }
            tagsByCase[event.typeTag] = name
        }
        #expect(tagsByCase.count > 40)
    }

    func caseName(_ event: DomainEvent) -> String {
        let inner: Any
        switch event {
        case .catalog(_, let e): inner = e
        case .stock(_, let e): inner = e
        case .order(_, let e): inner = e
        case .payment(_, let e): inner = e
        case .shipment(_, let e): inner = e
        case .afterSale(_, let e): inner = e
        case .member(_, let e): inner = e
        case .coupon(_, let e): inner = e
        }
        let text = "\(type(of: inner)).\(inner)"
        return String(text.prefix { $0 != "(" })
    }
}
