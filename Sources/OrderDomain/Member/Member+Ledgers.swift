extension Member {
    static func decidePoints(_ command: MemberCommand, _ state: MemberState) throws(Refusal) -> MemberEvent {
        switch command {
        case .earnPoints(let order, let points, let at):
            try checkPoints(points, growing: state)
            return .pointsEarned(order: order, points: points, at: at)
        case .restorePoints(let order, let points, let at):
            try checkPoints(points, growing: state)
            return .pointsRestored(order: order, points: points, at: at)
        case .redeemPoints(let order, let points, let at):
            try checkPoints(points, shrinking: state)
            return .pointsRedeemed(order: order, points: points, at: at)
        case .reversePoints(let order, let points, let at):
            try checkPoints(points, shrinking: state)
            return .pointsReversed(order: order, points: points, at: at)
        case .register, .updateProfile, .addAddress, .changeAddress, .removeAddress, .setDefaultAddress,
            .addFavourite, .removeFavourite, .changeTier, .addStoreCredit, .spendStoreCredit:
            preconditionFailure("not a points command")
        }
    }

    static func checkPoints(_ points: Int64, growing state: MemberState) throws(Refusal) {
        try Validation.positive(points, "points")
        _ = try Validation.add(state.pointsBalance, points, "points balance")
    }

    static func checkPoints(_ points: Int64, shrinking state: MemberState) throws(Refusal) {
        try Validation.positive(points, "points")
        guard points <= state.pointsBalance else {
            throw Refusal(.insufficientPoints, "\(state.pointsBalance) points available, \(points) asked")
        }
    }

    static func decideAddress(_ command: MemberCommand, _ state: MemberState) throws(Refusal) -> [MemberEvent] {
        switch command {
        case .addAddress(let id, let address, let at):
            try address.validate()
            guard !state.hasAddress(id) else { throw Refusal(.alreadyExists, "address \(id) exists") }
            guard state.addresses.count < Limits.addressCountMax else {
                throw Refusal(.limitExceeded, "at most \(Limits.addressCountMax) addresses")
            }
            let added = MemberEvent.addressAdded(id, address, at: at)
            return state.defaultAddress == nil ? [added, .defaultAddressSet(id, at: at)] : [added]
        case .changeAddress(let id, let address, let at):
            try address.validate()
            guard state.hasAddress(id) else { throw Refusal(.notFound, "no address \(id)") }
            return [.addressChanged(id, address, at: at)]
        case .removeAddress(let id, let at):
            guard state.hasAddress(id) else { throw Refusal(.notFound, "no address \(id)") }
            return [.addressRemoved(id, at: at)]
        case .setDefaultAddress(let id, let at):
            guard state.hasAddress(id) else { throw Refusal(.notFound, "no address \(id)") }
            guard state.defaultAddress != id else {
                throw .invalidTransition("setDefaultAddress", from: "already default")
            }
            return [.defaultAddressSet(id, at: at)]
        case .register, .updateProfile, .addFavourite, .removeFavourite, .changeTier, .earnPoints, .redeemPoints,
            .restorePoints, .reversePoints, .addStoreCredit, .spendStoreCredit:
            preconditionFailure("not an address command")
        }
    }
}

extension MemberState {
    func hasAddress(_ id: AddressID) -> Bool { addresses.contains { $0.id == id } }
}
