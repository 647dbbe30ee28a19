import OrderDomain
import Testing

@Suite struct CatalogTests {
    let registered: [CatalogEvent] = [.registered(shirt, at: at(1))]

    @Test func registersAnUnlistedSKU() throws {
        let events = try Catalog.decide(.register(shirt, at: at(1)), .initial)
        #expect(events == [.registered(shirt, at: at(1))])
        let state = catalog(events)
        #expect(state.status == .unlisted)
        #expect(state.definition == shirt)
    }

    @Test func refusesRegisteringTwice() {
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try Catalog.decide(.register(shirt, at: at(2)), catalog(registered))
        }
    }

    @Test func refusesBadDefinitions() {
        let bad: [SKUDefinition] = [
            SKUDefinition(id: "a", title: "", price: cny(1), categoryPath: ["x"]),
            SKUDefinition(id: "a", title: "t", price: cny(-1), categoryPath: ["x"]),
            SKUDefinition(id: "a", title: "t", price: cny(1), categoryPath: []),
            SKUDefinition(id: "a", title: "t", price: cny(1), categoryPath: Array(repeating: "c", count: 17)),
            SKUDefinition(
                id: "a", title: "t", price: cny(1),
                attributes: [SKUAttribute(name: "size", value: "S"), SKUAttribute(name: "size", value: "M")],
                categoryPath: ["x"]),
        ]
        for definition in bad {
            expectRefusal(.validationFailed) { () throws(Refusal) in
                try Catalog.decide(.register(definition, at: at(1)), .initial)
            }
        }
    }

    @Test func acceptsDeepCategoryPaths() throws {
        let deep = SKUDefinition(id: "a", title: "t", price: cny(1), categoryPath: (1...16).map { "level\($0)" })
        #expect(try Catalog.decide(.register(deep, at: at(1)), .initial).count == 1)
    }

    @Test func changesPriceInTheSameCurrency() throws {
        let events = try Catalog.decide(.changePrice(cny(7_900), at: at(2)), catalog(registered))
        #expect(events == [.priceChanged(from: cny(9_900), to: cny(7_900), at: at(2))])
        #expect(catalog(registered + events).definition?.price == cny(7_900))
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try Catalog.decide(.changePrice(usd(100), at: at(2)), catalog(registered))
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Catalog.decide(.changePrice(cny(9_900), at: at(2)), catalog(registered))
        }
    }

    @Test func listsAndDelists() throws {
        let listed = try Catalog.decide(.list(at: at(2)), catalog(registered))
        #expect(listed == [.listed(at: at(2))])
        #expect(catalog(registered + listed).status == .listed)
        let delisted = try Catalog.decide(.delist(at: at(3)), catalog(registered + listed))
        #expect(catalog(registered + listed + delisted).status == .unlisted)
    }

    @Test func refusesIllegalListingTransitions() {
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Catalog.decide(.delist(at: at(2)), catalog(registered))
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Catalog.decide(.list(at: at(2)), catalog(registered + [.listed(at: at(2))]))
        }
    }

    @Test func refusesCommandsForUnknownSKUs() {
        let commands: [CatalogCommand] = [
            .changePrice(cny(1), at: at(1)), .list(at: at(1)), .delist(at: at(1)),
            .setBackorderAllowed(true, at: at(1)),
        ]
        for command in commands {
            expectRefusal(.notFound) { () throws(Refusal) in try Catalog.decide(command, .initial) }
        }
    }

    @Test func switchesBackorderPolicy() throws {
        let events = try Catalog.decide(.setBackorderAllowed(true, at: at(2)), catalog(registered))
        #expect(events == [.backorderPolicyChanged(allowed: true, at: at(2))])
        #expect(catalog(registered + events).definition?.backorderAllowed == true)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try Catalog.decide(.setBackorderAllowed(false, at: at(2)), catalog(registered))
        }
    }

    @Test func eventTagsAreStable() {
        #expect(CatalogEvent.registered(shirt, at: at(1)).typeTag == 101)
        #expect(CatalogEvent.backorderPolicyChanged(allowed: true, at: at(1)).typeTag == 105)
    }
}
