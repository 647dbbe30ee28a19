import OrderDomain

extension DomainEvent {
    /// The event's stable type name, such as `order.placed`: the aggregate, a dot and the case
    /// in snake case. Used for JSON export and HTTP; like the type tag, never reassigned.
    public var typeName: String {
        switch self {
        case .catalog(_, let event): event.typeName
        case .stock(_, let event): event.typeName
        case .order(_, let event): event.typeName
        case .payment(_, let event): event.typeName
        case .shipment(_, let event): event.typeName
        case .afterSale(_, let event): event.typeName
        case .member(_, let event): event.typeName
        case .coupon(_, let event): event.typeName
        }
    }

    /// Every event type tag with its type name, so readers can name or refuse a tag without
    /// decoding the payload.
    public static let typeNamesByTag: [UInt16: String] = [
        101: "catalog.registered",
        102: "catalog.price_changed",
        103: "catalog.listed",
        104: "catalog.delisted",
        105: "catalog.backorder_policy_changed",
        201: "stock.received",
        202: "stock.incoming_expected",
        203: "stock.adjusted",
        204: "stock.safety_stock_set",
        205: "stock.reserved",
        206: "stock.reservation_committed",
        207: "stock.backorder_filled",
        208: "stock.reservation_released",
        209: "stock.shipment_deducted",
        210: "stock.replacement_allocated",
        211: "stock.return_restocked",
        212: "stock.return_written_off",
        213: "stock.damaged_disposed",
        214: "stock.transferred_out",
        215: "stock.transferred_in",
        216: "stock.replacement_released",
        301: "order.placed",
        302: "order.payment_recorded",
        303: "order.paid",
        304: "order.refund_recorded",
        305: "order.cancelled",
        306: "order.expired",
        307: "order.held",
        308: "order.hold_released",
        309: "order.shipment_allocated",
        310: "order.shipment_allocation_cancelled",
        311: "order.shipment_shipped",
        312: "order.shipment_delivered",
        313: "order.completed",
        314: "order.return_reserved",
        315: "order.return_released",
        316: "order.charge_added",
        317: "order.charge_cancelled",
        318: "order.charge_paid",
        319: "order.payment_authorized",
        320: "order.authorization_released",
        321: "order.replacement_delivered",
        322: "order.charge_points_earned",
        401: "payment.authorized",
        402: "payment.captured",
        403: "payment.voided",
        404: "payment.refunded",
        405: "payment.failed",
        406: "payment.callback_recorded",
        407: "payment.authorization_released",
        501: "shipment.created",
        502: "shipment.carrier_assigned",
        503: "shipment.shipped",
        504: "shipment.in_transit",
        505: "shipment.delivered",
        506: "shipment.cancelled",
        601: "after_sale.requested",
        602: "after_sale.approved",
        603: "after_sale.declined",
        604: "after_sale.goods_received",
        605: "after_sale.refunded",
        606: "after_sale.replacement_arranged",
        607: "after_sale.closed",
        608: "after_sale.replacement_cancelled",
        609: "after_sale.difference_owed",
        610: "after_sale.difference_paid",
        701: "member.registered",
        702: "member.profile_updated",
        703: "member.address_added",
        704: "member.address_changed",
        705: "member.address_removed",
        706: "member.default_address_set",
        707: "member.favourite_added",
        708: "member.favourite_removed",
        709: "member.tier_changed",
        710: "member.points_earned",
        711: "member.points_redeemed",
        712: "member.points_restored",
        713: "member.points_reversed",
        714: "member.store_credit_added",
        715: "member.store_credit_spent",
        801: "coupon.defined",
        802: "coupon.disabled",
        803: "coupon.redeemed",
        804: "coupon.released",
    ]

    /// The type name of a tag, or `nil` for a tag no event has.
    public static func typeName(forTag tag: UInt16) -> String? {
        typeNamesByTag[tag]
    }
}

extension CatalogEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .registered: "catalog.registered"
        case .priceChanged: "catalog.price_changed"
        case .listed: "catalog.listed"
        case .delisted: "catalog.delisted"
        case .backorderPolicyChanged: "catalog.backorder_policy_changed"
        }
    }
}

extension StockEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .received: "stock.received"
        case .incomingExpected: "stock.incoming_expected"
        case .adjusted: "stock.adjusted"
        case .safetyStockSet: "stock.safety_stock_set"
        case .reserved: "stock.reserved"
        case .reservationCommitted: "stock.reservation_committed"
        case .backorderFilled: "stock.backorder_filled"
        case .reservationReleased: "stock.reservation_released"
        case .shipmentDeducted: "stock.shipment_deducted"
        case .replacementAllocated: "stock.replacement_allocated"
        case .returnRestocked: "stock.return_restocked"
        case .returnWrittenOff: "stock.return_written_off"
        case .damagedDisposed: "stock.damaged_disposed"
        case .transferredOut: "stock.transferred_out"
        case .transferredIn: "stock.transferred_in"
        case .replacementReleased: "stock.replacement_released"
        }
    }
}

extension OrderEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .placed: "order.placed"
        case .paymentRecorded: "order.payment_recorded"
        case .paid: "order.paid"
        case .refundRecorded: "order.refund_recorded"
        case .cancelled: "order.cancelled"
        case .expired: "order.expired"
        case .held: "order.held"
        case .holdReleased: "order.hold_released"
        case .shipmentAllocated: "order.shipment_allocated"
        case .shipmentAllocationCancelled: "order.shipment_allocation_cancelled"
        case .shipmentShipped: "order.shipment_shipped"
        case .shipmentDelivered: "order.shipment_delivered"
        case .completed: "order.completed"
        case .returnReserved: "order.return_reserved"
        case .returnReleased: "order.return_released"
        case .chargeAdded: "order.charge_added"
        case .chargeCancelled: "order.charge_cancelled"
        case .chargePaid: "order.charge_paid"
        case .paymentAuthorized: "order.payment_authorized"
        case .authorizationReleased: "order.authorization_released"
        case .replacementDelivered: "order.replacement_delivered"
        case .chargePointsEarned: "order.charge_points_earned"
        }
    }
}

extension PaymentEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .authorized: "payment.authorized"
        case .captured: "payment.captured"
        case .voided: "payment.voided"
        case .refunded: "payment.refunded"
        case .failed: "payment.failed"
        case .callbackRecorded: "payment.callback_recorded"
        case .authorizationReleased: "payment.authorization_released"
        }
    }
}

extension ShipmentEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .created: "shipment.created"
        case .carrierAssigned: "shipment.carrier_assigned"
        case .shipped: "shipment.shipped"
        case .inTransit: "shipment.in_transit"
        case .delivered: "shipment.delivered"
        case .cancelled: "shipment.cancelled"
        }
    }
}

extension AfterSaleEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .requested: "after_sale.requested"
        case .approved: "after_sale.approved"
        case .declined: "after_sale.declined"
        case .goodsReceived: "after_sale.goods_received"
        case .refunded: "after_sale.refunded"
        case .replacementArranged: "after_sale.replacement_arranged"
        case .closed: "after_sale.closed"
        case .replacementCancelled: "after_sale.replacement_cancelled"
        case .differenceOwed: "after_sale.difference_owed"
        case .differencePaid: "after_sale.difference_paid"
        }
    }
}

extension MemberEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .registered: "member.registered"
        case .profileUpdated: "member.profile_updated"
        case .addressAdded: "member.address_added"
        case .addressChanged: "member.address_changed"
        case .addressRemoved: "member.address_removed"
        case .defaultAddressSet: "member.default_address_set"
        case .favouriteAdded: "member.favourite_added"
        case .favouriteRemoved: "member.favourite_removed"
        case .tierChanged: "member.tier_changed"
        case .pointsEarned: "member.points_earned"
        case .pointsRedeemed: "member.points_redeemed"
        case .pointsRestored: "member.points_restored"
        case .pointsReversed: "member.points_reversed"
        case .storeCreditAdded: "member.store_credit_added"
        case .storeCreditSpent: "member.store_credit_spent"
        }
    }
}

extension CouponEvent {
    /// The stable name of the event's type, as `DomainEvent.typeName` gives it.
    public var typeName: String {
        switch self {
        case .defined: "coupon.defined"
        case .disabled: "coupon.disabled"
        case .redeemed: "coupon.redeemed"
        case .released: "coupon.released"
        }
    }
}
