extension Member {
    /// Folds one event into the state.
    public static func evolve(_ state: MemberState, _ event: MemberEvent) -> MemberState {
        var next = state
        switch event {
        case .registered(let profile, _):
            next.status = .active
            next.profile = profile
        case .profileUpdated(let profile, _):
            next.profile = profile
        case .addressAdded(let id, let address, _):
            next.addresses.append(AddressBookEntry(id: id, address: address))
        case .addressChanged(let id, let address, _):
            if let index = next.addresses.firstIndex(where: { $0.id == id }) {
                next.addresses[index] = AddressBookEntry(id: id, address: address)
            }
        case .addressRemoved(let id, _):
            next.addresses.removeAll { $0.id == id }
            if next.defaultAddress == id { next.defaultAddress = nil }
        case .defaultAddressSet(let id, _):
            next.defaultAddress = id
        case .favouriteAdded(let sku, _):
            next.favourites.append(sku)
        case .favouriteRemoved(let sku, _):
            next.favourites.removeAll { $0 == sku }
        case .tierChanged(_, let tier, _):
            next.tier = tier
        case .pointsEarned(_, let points, _), .pointsRestored(_, let points, _):
            next.pointsBalance += points
        case .pointsRedeemed(_, let points, _), .pointsReversed(_, let points, _):
            next.pointsBalance -= points
        case .storeCreditAdded(let amount, _, _):
            next.storeCreditMinorUnits += amount.minorUnits
            next.storeCreditCurrency = amount.currency
        case .storeCreditSpent(let amount, _, _):
            next.storeCreditMinorUnits -= amount.minorUnits
        }
        return next
    }
}
