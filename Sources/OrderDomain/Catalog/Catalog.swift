/// The catalog SKU decider: registration, price and listing.
public enum Catalog {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: CatalogCommand, _ state: CatalogState) throws(Refusal) -> [CatalogEvent] {
        switch command {
        case .register(let definition, let at):
            guard state.status == .unregistered else {
                throw Refusal(.alreadyExists, "SKU \(definition.id) is already registered")
            }
            try definition.validate()
            return [.registered(definition, at: at)]
        case .changePrice(let price, let at):
            let definition = try registered(state)
            try Validation.amount(price, "price", allowZero: true)
            try Validation.sameCurrency(price, definition.price.currency)
            guard price != definition.price else {
                throw .invalidTransition("changePrice to the same price", from: state.status)
            }
            return [.priceChanged(from: definition.price, to: price, at: at)]
        case .list(let at):
            _ = try registered(state)
            guard state.status == .unlisted else { throw .invalidTransition("list", from: state.status) }
            return [.listed(at: at)]
        case .delist(let at):
            _ = try registered(state)
            guard state.status == .listed else { throw .invalidTransition("delist", from: state.status) }
            return [.delisted(at: at)]
        case .setBackorderAllowed(let allowed, let at):
            let definition = try registered(state)
            guard definition.backorderAllowed != allowed else {
                throw .invalidTransition("setBackorderAllowed to the current value", from: state.status)
            }
            return [.backorderPolicyChanged(allowed: allowed, at: at)]
        }
    }

    /// Folds one event into the state.
    public static func evolve(_ state: CatalogState, _ event: CatalogEvent) -> CatalogState {
        var next = state
        switch event {
        case .registered(let definition, _):
            next.status = .unlisted
            next.definition = definition
        case .priceChanged(_, let price, _):
            next.definition = next.definition.map { $0.with(price: price) }
        case .listed:
            next.status = .listed
        case .delisted:
            next.status = .unlisted
        case .backorderPolicyChanged(let allowed, _):
            next.definition = next.definition.map { $0.with(backorderAllowed: allowed) }
        }
        return next
    }

    private static func registered(_ state: CatalogState) throws(Refusal) -> SKUDefinition {
        guard let definition = state.definition else { throw Refusal(.notFound, "SKU is not registered") }
        return definition
    }
}

extension SKUDefinition {
    func with(price: Money? = nil, backorderAllowed: Bool? = nil) -> SKUDefinition {
        SKUDefinition(
            id: id, title: title, price: price ?? self.price, attributes: attributes,
            categoryPath: categoryPath, backorderAllowed: backorderAllowed ?? self.backorderAllowed)
    }
}
