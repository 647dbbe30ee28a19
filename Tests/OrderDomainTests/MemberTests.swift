import OrderDomain
import Testing

@Suite struct MemberTests {
    let registered: [MemberEvent] = [.registered(profile, at: at(1))]

    func decide(_ command: MemberCommand, _ events: [MemberEvent]) throws(Refusal) -> [MemberEvent] {
        try Member.decide(command, member(events))
    }

    @Test func registersOnceAndUpdatesTheProfile() throws {
        #expect(try decide(.register(profile, at: at(1)), []) == registered)
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(.register(profile, at: at(2)), registered) }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.register(MemberProfile(displayName: ""), at: at(1)), [])
        }
        let updated = MemberProfile(displayName: "Han Meimei")
        #expect(member(registered + (try decide(.updateProfile(updated, at: at(2)), registered))).profile == updated)
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.updateProfile(updated, at: at(2)), []) }
    }

    @Test func keepsAnAddressBookWithADefault() throws {
        let added = registered + (try decide(.addAddress("home", home, at: at(2)), registered))
        #expect(member(added).defaultAddress == "home")
        let office = PostalAddress(
            recipient: "Li Lei", phone: "1", region: "Z", city: "H", street: "2 Road", postalCode: "")
        let second = added + (try decide(.addAddress("office", office, at: at(3)), added))
        #expect(member(second).defaultAddress == "home")
        let defaulted = second + (try decide(.setDefaultAddress("office", at: at(4)), second))
        #expect(member(defaulted).defaultAddress == "office")
        let changed = defaulted + (try decide(.changeAddress("home", office, at: at(5)), defaulted))
        #expect(member(changed).addresses.first?.address == office)
        let removed = changed + (try decide(.removeAddress("office", at: at(6)), changed))
        #expect(member(removed).defaultAddress == nil)
        #expect(member(removed).addresses.count == 1)
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(.addAddress("home", home, at: at(7)), removed)
        }
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.removeAddress("office", at: at(7)), removed) }
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.changeAddress("office", home, at: at(7)), removed)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.setDefaultAddress("home", at: at(7)), added)
        }
        let bad = PostalAddress(recipient: "", phone: "1", region: "Z", city: "H", street: "S", postalCode: "")
        expectRefusal(.validationFailed) { () throws(Refusal) in try decide(.addAddress("x", bad, at: at(7)), removed) }
    }

    @Test func limitsTheAddressBook() throws {
        var events = registered
        for index in 0..<Limits.addressCountMax {
            events += try decide(.addAddress(try AddressID("a\(index)"), home, at: at(2)), events)
        }
        expectRefusal(.limitExceeded) { () throws(Refusal) in try decide(.addAddress("extra", home, at: at(3)), events)
        }
    }

    @Test func keepsFavourites() throws {
        let added = registered + (try decide(.addFavourite("shirt", at: at(2)), registered))
        #expect(member(added).favourites == ["shirt"])
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(.addFavourite("shirt", at: at(3)), added) }
        #expect(member(added + (try decide(.removeFavourite("shirt", at: at(3)), added))).favourites.isEmpty)
        expectRefusal(.notFound) { () throws(Refusal) in try decide(.removeFavourite("hat", at: at(3)), added) }
    }

    @Test func changesTier() throws {
        #expect(
            try decide(.changeTier(.gold, at: at(2)), registered) == [
                .tierChanged(from: .standard, to: .gold, at: at(2))
            ])
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.changeTier(.standard, at: at(2)), registered)
        }
    }

    @Test func pointsNeverGoNegative() throws {
        let earned = registered + (try decide(.earnPoints(order: "o1", points: 100, at: at(2)), registered))
        #expect(member(earned).pointsBalance == 100)
        let redeemed = earned + (try decide(.redeemPoints(order: "o2", points: 60, at: at(3)), earned))
        #expect(member(redeemed).pointsBalance == 40)
        expectRefusal(.insufficientPoints) { () throws(Refusal) in
            try decide(.redeemPoints(order: "o3", points: 41, at: at(4)), redeemed)
        }
        expectRefusal(.insufficientPoints) { () throws(Refusal) in
            try decide(.reversePoints(order: "o1", points: 41, at: at(4)), redeemed)
        }
        let restored = redeemed + (try decide(.restorePoints(order: "o2", points: 60, at: at(5)), redeemed))
        let reversed = restored + (try decide(.reversePoints(order: "o1", points: 100, at: at(6)), restored))
        #expect(member(reversed).pointsBalance == 0)
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.earnPoints(order: "o1", points: 0, at: at(7)), registered)
        }
    }

    @Test func storeCreditNeverGoesNegative() throws {
        let credited = registered + (try decide(.addStoreCredit(cny(5_000), reason: "goodwill", at: at(2)), registered))
        #expect(member(credited).storeCreditMinorUnits == 5_000)
        let spent = credited + (try decide(.spendStoreCredit(cny(3_000), reason: "order o1", at: at(3)), credited))
        #expect(member(spent).storeCreditMinorUnits == 2_000)
        expectRefusal(.insufficientStoreCredit) { () throws(Refusal) in
            try decide(.spendStoreCredit(cny(2_001), reason: "order o2", at: at(4)), spent)
        }
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(.addStoreCredit(usd(1), reason: "x", at: at(4)), spent)
        }
        expectRefusal(.insufficientStoreCredit) { () throws(Refusal) in
            try decide(.spendStoreCredit(cny(1), reason: "x", at: at(4)), registered)
        }
    }
}
