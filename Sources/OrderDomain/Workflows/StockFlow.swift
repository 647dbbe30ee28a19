/// Stock movements between warehouses: the source ships units out and the destination
/// expects them, in one atomic step.
public enum StockFlow {
    /// Sends units of a SKU from one warehouse to another; the destination books them with
    /// `StockCommand.transferIn` when they arrive.
    public static func transfer(
        _ sku: SKUID, from source: WarehouseID, to destination: WarehouseID, quantity: Int64, at: Timestamp,
        _ states: some DomainStateReading
    ) throws(Refusal) -> [DomainEvent] {
        guard source != destination else { throw .validation("a transfer needs two different warehouses") }
        let from = StockItemID(sku: sku, warehouse: source)
        let to = StockItemID(sku: sku, warehouse: destination)
        let out = try Stock.decide(.transferOut(quantity: quantity, to: destination, at: at), states.stock(from))
        let expected = try Stock.decide(.expectIncoming(quantity: quantity, at: at), states.stock(to))
        return out.map { .stock(from, $0) } + expected.map { .stock(to, $0) }
    }
}
