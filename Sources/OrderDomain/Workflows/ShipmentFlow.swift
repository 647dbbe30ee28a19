/// Parcel steps and their consequences on the order and on stock: shipping deducts the
/// units from the warehouse they leave; a replacement parcel waits for its price difference,
/// counts as delivered on the order once it arrives and, when cancelled, gives its units back
/// and reopens its after-sale case.
public enum ShipmentFlow {
    /// Creates a parcel for some paid units of an order from one warehouse.
    public static func create(
        _ id: ShipmentID, order orderID: OrderID, warehouse: WarehouseID, lines: [LineQuantity], at: Timestamp,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let allocated = try Order.decide(
            .allocateShipment(shipment: id, lines: lines, at: at), states.order(orderID), policy)
        for line in lines {
            let item = states.stock(StockItemID(sku: line.sku, warehouse: warehouse))
            let committed = item.reservations[orderID]?.committed ?? 0
            guard line.quantity <= committed else {
                throw Refusal(
                    .insufficientStock, "warehouse \(warehouse) holds \(committed) of \(line.sku) for the order")
            }
        }
        let created = try Shipment.decide(
            .create(order: orderID, warehouse: warehouse, lines: lines, kind: .order, at: at), states.shipment(id))
        return created.map { .shipment(id, $0) } + allocated.map { .order(orderID, $0) }
    }

    /// Applies a parcel step (carrier, shipped, transit, delivered, cancelled) and its
    /// consequences.
    public static func decide(
        _ id: ShipmentID, _ command: ShipmentCommand, _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        if case .create = command {
            throw .validation("create parcels with ShipmentFlow.create, which checks the order")
        }
        let state = states.shipment(id)
        let events = try Shipment.decide(command, state)
        if case .replacement(let afterSale) = state.kind, case .markShipped = command {
            try requireReplacementMayLeave(afterSale, state, states)
        }
        var result = events.map { DomainEvent.shipment(id, $0) }
        guard let orderID = state.order, let warehouse = state.warehouse else { return result }
        for event in events {
            result += try followUp(event, id, state, orderID, warehouse, states, policy)
        }
        return result
    }

    static func followUp(
        _ event: ShipmentEvent, _ id: ShipmentID, _ state: ShipmentState, _ orderID: OrderID, _ warehouse: WarehouseID,
        _ states: some DomainStateReading, _ policy: DomainPolicy
    ) throws(Refusal) -> [DomainEvent] {
        let orderCommand: OrderCommand?
        var result: [DomainEvent] = []
        switch event {
        case .created, .carrierAssigned, .inTransit:
            return []
        case .shipped(let at):
            for line in state.lines {
                let item = StockItemID(sku: line.sku, warehouse: warehouse)
                let deduct = StockCommand.deductForShipment(
                    order: orderID, shipment: id, quantity: line.quantity, at: at)
                result += try Stock.decide(deduct, states.stock(item)).map { .stock(item, $0) }
            }
            orderCommand = .recordShipped(shipment: id, at: at)
        case .delivered(let at):
            if case .replacement(let afterSale) = state.kind {
                let delivered = OrderCommand.recordReplacementDelivered(
                    afterSale: afterSale, shipment: id, lines: state.lines, at: at)
                return try Order.decide(delivered, states.order(orderID), policy).map { .order(orderID, $0) }
            }
            orderCommand = .recordDelivered(shipment: id, at: at)
        case .cancelled(_, let at):
            if case .replacement(let afterSale) = state.kind {
                return try cancelReplacement(id, afterSale, state, orderID, warehouse, at, states, policy)
            }
            orderCommand = .cancelShipment(shipment: id, at: at)
        }
        guard case .order = state.kind, let orderCommand else { return result }
        return result + (try Order.decide(orderCommand, states.order(orderID), policy)).map { .order(orderID, $0) }
    }
}
