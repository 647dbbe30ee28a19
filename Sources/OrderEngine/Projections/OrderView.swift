import OrderDomain

/// Everything a shop shows about one order: its state, money, parcels and after-sale cases.
public struct OrderView: Sendable, Hashable, Codable {
    public var id: OrderID
    public var order: OrderState
    public var payments: [PaymentID: PaymentState]
    public var shipments: [ShipmentID: ShipmentState]
    public var afterSales: [AfterSaleID: AfterSaleState]

    /// The order as `states` hold it, with every payment, parcel and case that names it.
    init(_ id: OrderID, states: some DomainStateReading, links: OrderLinks) {
        self.id = id
        order = states.order(id)
        payments = Dictionary(uniqueKeysWithValues: links.payments.map { ($0, states.payment($0)) })
        shipments = Dictionary(uniqueKeysWithValues: links.shipments.map { ($0, states.shipment($0)) })
        afterSales = Dictionary(uniqueKeysWithValues: links.afterSales.map { ($0, states.afterSale($0)) })
    }
}

/// The aggregates that belong to an order, learnt from their events.
struct OrderLinks: Sendable, Hashable, Codable {
    var payments: Set<PaymentID> = []
    var shipments: Set<ShipmentID> = []
    var afterSales: Set<AfterSaleID> = []
}
