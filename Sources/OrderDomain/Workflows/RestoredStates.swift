// States read back from a store, field by field. Only folding events makes states the domain
// vouches for; these take each field as stored, as `Decodable` does, so that a store with its
// own encoding (the engine's projections and snapshots) can read what it wrote without going
// through `Decoder`.

extension OrderState {
    /// An order's state as stored, every field as given.
    public init(
        restoring status: OrderStatus, onHold: Bool, placement: OrderPlacement?, payments: [PaymentID],
        authorizations: [OrderAuthorization], paidMinorUnits: Int64, refundedMinorUnits: Int64,
        shipments: [OrderShipment], replacements: [OrderReplacement], returns: [AfterSaleID: [LineQuantity]],
        charges: [OrderCharge], pointsEarned: Int64, pointsReversed: Int64, refundedAtCompletionMinorUnits: Int64
    ) {
        self.init(
            status: status, onHold: onHold, placement: placement, payments: payments, authorizations: authorizations,
            paidMinorUnits: paidMinorUnits, refundedMinorUnits: refundedMinorUnits, shipments: shipments,
            replacements: replacements, returns: returns, charges: charges, pointsEarned: pointsEarned,
            pointsReversed: pointsReversed, refundedAtCompletionMinorUnits: refundedAtCompletionMinorUnits)
    }
}

extension OrderShipment {
    /// A parcel as an order stored it.
    public init(restoring id: ShipmentID, lines: [LineQuantity], status: OrderShipmentStatus) {
        self.init(id: id, lines: lines, status: status)
    }
}

extension OrderCharge {
    /// A charge as an order stored it.
    public init(restoring afterSale: AfterSaleID, amountMinorUnits: Int64, paid: Bool) {
        self.init(afterSale: afterSale, amountMinorUnits: amountMinorUnits, paid: paid)
    }
}

extension OrderAuthorization {
    /// An authorization as an order stored it.
    public init(
        restoring payment: PaymentID, authorizedMinorUnits: Int64, capturedMinorUnits: Int64, releasedMinorUnits: Int64
    ) {
        self.init(
            payment: payment, authorizedMinorUnits: authorizedMinorUnits, capturedMinorUnits: capturedMinorUnits,
            releasedMinorUnits: releasedMinorUnits)
    }
}

extension OrderReplacement {
    /// A replacement parcel as an order stored it.
    public init(restoring afterSale: AfterSaleID, shipment: ShipmentID, lines: [LineQuantity]) {
        self.init(afterSale: afterSale, shipment: shipment, lines: lines)
    }
}

extension PaymentState {
    /// A payment's state as stored, every field as given.
    public init(
        restoring status: PaymentStatus, order: OrderID?, member: MemberID?, method: PaymentMethod?, currency: Currency?,
        amountDueMinorUnits: Int64, authorizedMinorUnits: Int64, releasedMinorUnits: Int64, capturedMinorUnits: Int64,
        refundedMinorUnits: Int64, providerEvents: Set<ProviderEventID>
    ) {
        self.init(
            status: status, order: order, member: member, method: method, currency: currency,
            amountDueMinorUnits: amountDueMinorUnits, authorizedMinorUnits: authorizedMinorUnits,
            releasedMinorUnits: releasedMinorUnits, capturedMinorUnits: capturedMinorUnits,
            refundedMinorUnits: refundedMinorUnits, providerEvents: providerEvents)
    }
}

extension ShipmentState {
    /// A parcel's state as stored, every field as given.
    public init(
        restoring status: ShipmentStatus, order: OrderID?, warehouse: WarehouseID?, lines: [LineQuantity],
        kind: ShipmentKind, carrier: String?, trackingNumber: String?, lastLocation: String?, transitUpdateCount: Int
    ) {
        self.init(
            status: status, order: order, warehouse: warehouse, lines: lines, kind: kind, carrier: carrier,
            trackingNumber: trackingNumber, lastLocation: lastLocation, transitUpdateCount: transitUpdateCount)
    }
}

extension AfterSaleState {
    /// An after-sale case's state as stored, every field as given.
    public init(
        restoring status: AfterSaleStatus, order: OrderID?, member: MemberID?, kind: AfterSaleKind?,
        lines: [LineQuantity], goodsReceived: Bool, refundedMinorUnits: Int64, replacementShipment: ShipmentID?,
        priceDifference: Money?, differenceSettled: Bool
    ) {
        self.init(
            status: status, order: order, member: member, kind: kind, lines: lines, goodsReceived: goodsReceived,
            refundedMinorUnits: refundedMinorUnits, replacementShipment: replacementShipment,
            priceDifference: priceDifference, differenceSettled: differenceSettled)
    }
}

extension MemberState {
    /// A member account's state as stored, every field as given.
    public init(
        restoring status: MemberStatus, profile: MemberProfile?, addresses: [AddressBookEntry], defaultAddress: AddressID?,
        favourites: [SKUID], tier: MemberTier, pointsBalance: Int64, storeCreditMinorUnits: Int64,
        storeCreditCurrency: Currency?
    ) {
        self.init(
            status: status, profile: profile, addresses: addresses, defaultAddress: defaultAddress, favourites: favourites,
            tier: tier, pointsBalance: pointsBalance, storeCreditMinorUnits: storeCreditMinorUnits,
            storeCreditCurrency: storeCreditCurrency)
    }
}
