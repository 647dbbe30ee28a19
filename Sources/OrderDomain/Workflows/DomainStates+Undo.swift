/// What `DomainStates.apply(_:recordingUndoIn:)` changed, so that a writer can take a batch back
/// when its commit fails: the in-memory states must never run ahead of the durable log.
public struct DomainUndoLog: Sendable {
    enum Entry: Sendable {
        case catalog(SKUID, CatalogState?)
        case stock(StockItemID, StockState?, warehouses: [WarehouseID]?)
        case order(OrderID, OrderState?)
        case payment(PaymentID, PaymentState?)
        case shipment(ShipmentID, ShipmentState?)
        case afterSale(AfterSaleID, AfterSaleState?)
        case member(MemberID, MemberState?)
        case coupon(CouponCode, CouponState?)
    }

    var entries: [Entry] = []

    /// Nothing to take back.
    public init() {}

    /// True when no event was recorded.
    public var isEmpty: Bool { entries.isEmpty }

    /// Forgets everything recorded: the batch became durable.
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }
}

extension DomainStates {
    /// Folds one event, first noting the aggregate's previous state in `undo`.
    public mutating func apply(_ event: DomainEvent, recordingUndoIn undo: inout DomainUndoLog) {
        switch event {
        case .catalog(let id, _): undo.entries.append(.catalog(id, catalogs[id]))
        case .stock(let id, _): undo.entries.append(.stock(id, stocks[id], warehouses: warehousesBySKU[id.sku]))
        case .order(let id, _): undo.entries.append(.order(id, orders[id]))
        case .payment(let id, _): undo.entries.append(.payment(id, payments[id]))
        case .shipment(let id, _): undo.entries.append(.shipment(id, shipments[id]))
        case .afterSale(let id, _): undo.entries.append(.afterSale(id, afterSales[id]))
        case .member(let id, _): undo.entries.append(.member(id, members[id]))
        case .coupon(let id, _): undo.entries.append(.coupon(id, coupons[id]))
        }
        apply(event)
    }

    /// Restores every state `undo` noted, newest first, and empties it.
    public mutating func undo(_ undo: inout DomainUndoLog) {
        for entry in undo.entries.reversed() {
            switch entry {
            case .catalog(let id, let state): catalogs[id] = state
            case .stock(let id, let state, let warehouses):
                stocks[id] = state
                warehousesBySKU[id.sku] = warehouses
            case .order(let id, let state): orders[id] = state
            case .payment(let id, let state): payments[id] = state
            case .shipment(let id, let state): shipments[id] = state
            case .afterSale(let id, let state): afterSales[id] = state
            case .member(let id, let state): members[id] = state
            case .coupon(let id, let state): coupons[id] = state
            }
        }
        undo.removeAll()
    }
}
