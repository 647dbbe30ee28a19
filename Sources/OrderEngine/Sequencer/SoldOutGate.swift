import OrderDomain
import Synchronization

/// The SKUs sold out in the durable log, with what a checkout reads of them: kept by the
/// sequencer, read by callers deciding a refusal on their own thread (`FastRefusals`).
///
/// An entry is opened only once a batch in which the SKU was sold out is durable, and only if
/// nothing decided since could have raised its stock; it is closed as soon as the sequencer
/// decides an event that could raise the stock or change the listing, before that event is
/// written. So while an entry is open, no commit has raised the SKU's stock since the durable
/// batch in which it was sold out. Each opening gets a new generation: a caller that finds the
/// same generation before and after its reads knows the entry stayed open between.
final class SoldOutGate: Sendable {
    /// One sold-out SKU: its listing and the warehouses stocking it, every one with no unit
    /// available. A class, so that a caller takes it with one reference count, not a copy of
    /// every field.
    final class Entry: Sendable {
        let sku: SKUID
        let generation: UInt64
        let catalog: CatalogState
        let warehouses: [WarehouseID]

        init(sku: SKUID, generation: UInt64, catalog: CatalogState, warehouses: [WarehouseID]) {
            self.sku = sku
            self.generation = generation
            self.catalog = catalog
            self.warehouses = warehouses
        }
    }

    private struct State {
        var entries: [SKUID: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    /// The open entry of `sku`, if any.
    func entry(_ sku: SKUID) -> Entry? {
        state.withLock { $0.entries[sku] }
    }

    /// Opens (again) the entry of `sku`. Sequencer only.
    func open(_ sku: SKUID, catalog: CatalogState, warehouses: [WarehouseID]) {
        state.withLock { state in
            state.generation += 1
            state.entries[sku] = Entry(sku: sku, generation: state.generation, catalog: catalog, warehouses: warehouses)
        }
    }

    /// Closes the entry of `sku`, if open. Sequencer only.
    func close(_ sku: SKUID) {
        state.withLock { state in _ = state.entries.removeValue(forKey: sku) }
    }

    /// Whether `sku` is sold out in `states`: listed for sale without backorders, and no unit
    /// available in any warehouse stocking it.
    static func isSoldOut(_ sku: SKUID, in states: some DomainStateReading) -> Bool {
        let catalog = states.catalog(sku)
        guard catalog.status == .listed, let definition = catalog.definition, !definition.backorderAllowed else { return false }
        let warehouses = states.warehouses(stocking: sku)
        return !warehouses.isEmpty
            && warehouses.allSatisfy { states.stock(StockItemID(sku: sku, warehouse: $0)).available <= 0 }
    }

    /// The SKU whose stock `event` could raise, or whose listing it changes: the entry to close
    /// before the event is written. Reserving, committing a reservation and deducting a shipment
    /// never raise what is available.
    static func skuReopened(by event: DomainEvent) -> SKUID? {
        switch event {
        case .catalog(let sku, _):
            return sku
        case .stock(let item, let stockEvent):
            switch stockEvent {
            case .reserved, .reservationCommitted, .shipmentDeducted: return nil
            default: return item.sku
            }
        case .order, .payment, .shipment, .afterSale, .member, .coupon:
            return nil
        }
    }
}
