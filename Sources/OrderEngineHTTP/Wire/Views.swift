import OrderEngine

// What queries answer, shaped for JSON clients: lists instead of maps keyed by ids, RFC 3339
// timestamps, amounts as `{"minorUnits": 1999, "currency": "CNY"}`. Field meanings follow the
// engine's views (see Docs/domain.md).

struct StockCountsWire: Encodable {
    let onHand, reserved, committed, safetyStock, damaged, incoming, backordered, available: Int64

    init(_ counts: StockCounts) {
        onHand = counts.onHand
        reserved = counts.reserved
        committed = counts.committed
        safetyStock = counts.safetyStock
        damaged = counts.damaged
        incoming = counts.incoming
        backordered = counts.backordered
        available = counts.available
    }
}

struct SKUStockWire: Encodable {
    struct Warehouse: Encodable {
        let warehouse: WarehouseID
        let counts: StockCountsWire
    }

    let sku: SKUID
    let total: StockCountsWire
    let warehouses: [Warehouse]

    init(_ stock: SKUStock) {
        sku = stock.sku
        total = StockCountsWire(stock.total)
        warehouses = stock.byWarehouse.sorted { $0.key < $1.key }.map {
            Warehouse(warehouse: $0.key, counts: StockCountsWire($0.value))
        }
    }
}

struct LowStockWire: Encodable {
    let threshold: Int64
    let skus: [SKUStockWire]
}

struct CatalogWire: Encodable {
    let sku: SKUID
    let status: SKUStatus
    let title: String
    let price: Money
    let attributes: [SKUAttribute]
    let categoryPath: [String]
    let backorderAllowed: Bool

    init?(_ sku: SKUID, _ state: CatalogState) {
        guard let definition = state.definition else { return nil }
        self.sku = sku
        status = state.status
        title = definition.title
        price = definition.price
        attributes = definition.attributes
        categoryPath = definition.categoryPath
        backorderAllowed = definition.backorderAllowed
    }
}

struct CouponWire: Encodable {
    let code: CouponCode
    let status: CouponStatus
    let discountKind: String
    let discountAmount: Money?
    let discountBasisPoints: Int64?
    let minimumSpend: Money
    let validFrom: String
    let validUntil: String
    let usageLimit: Int64
    let perMemberLimit: Int64
    let used: Int64

    init?(_ code: CouponCode, _ state: CouponState) {
        guard let definition = state.definition else { return nil }
        self.code = code
        status = state.status
        switch definition.discount {
        case .fixed(let amount):
            (discountKind, discountAmount, discountBasisPoints) = ("fixed", amount, nil)
        case .percentage(let basisPoints):
            (discountKind, discountAmount, discountBasisPoints) = ("percentage", nil, basisPoints)
        }
        minimumSpend = definition.minimumSpend
        validFrom = RFC3339.string(definition.validFrom)
        validUntil = RFC3339.string(definition.validUntil)
        usageLimit = definition.usageLimit
        perMemberLimit = definition.perMemberLimit
        used = state.used
    }
}

struct PaymentWire: Encodable {
    let payment: PaymentID
    let status: PaymentStatus
    let order: OrderID?
    let member: MemberID?
    let method: PaymentMethod?
    let currency: Currency?
    let amountDueMinorUnits, authorizedMinorUnits, releasedMinorUnits, capturedMinorUnits, refundedMinorUnits: Int64

    init(_ id: PaymentID, _ state: PaymentState) {
        payment = id
        status = state.status
        order = state.order
        member = state.member
        method = state.method
        currency = state.currency
        amountDueMinorUnits = state.amountDueMinorUnits
        authorizedMinorUnits = state.authorizedMinorUnits
        releasedMinorUnits = state.releasedMinorUnits
        capturedMinorUnits = state.capturedMinorUnits
        refundedMinorUnits = state.refundedMinorUnits
    }
}

struct ShipmentWire: Encodable {
    let shipment: ShipmentID
    let status: ShipmentStatus
    let order: OrderID?
    let warehouse: WarehouseID?
    let lines: [LineQuantity]
    let replacementFor: AfterSaleID?
    let carrier: String?
    let trackingNumber: String?
    let lastLocation: String?

    init(_ id: ShipmentID, _ state: ShipmentState) {
        shipment = id
        status = state.status
        order = state.order
        warehouse = state.warehouse
        lines = state.lines
        if case .replacement(let afterSale) = state.kind { replacementFor = afterSale } else { replacementFor = nil }
        carrier = state.carrier
        trackingNumber = state.trackingNumber
        lastLocation = state.lastLocation
    }
}

struct AfterSaleWire: Encodable {
    let afterSale: AfterSaleID
    let status: AfterSaleStatus
    let order: OrderID?
    let member: MemberID?
    let kind: String?
    let claimType: ClaimType?
    let replacements: [LineQuantity]?
    let lines: [LineQuantity]
    let goodsReceived: Bool
    let refundedMinorUnits: Int64
    let replacementShipment: ShipmentID?
    let priceDifference: Money?
    let differenceSettled: Bool

    init(_ id: AfterSaleID, _ state: AfterSaleState) {
        afterSale = id
        status = state.status
        order = state.order
        member = state.member
        switch state.kind {
        case .return: (kind, claimType, replacements) = ("return", nil, nil)
        case .exchange(let lines): (kind, claimType, replacements) = ("exchange", nil, lines)
        case .claim(let type): (kind, claimType, replacements) = ("claim", type, nil)
        case nil: (kind, claimType, replacements) = (nil, nil, nil)
        }
        lines = state.lines
        goodsReceived = state.goodsReceived
        refundedMinorUnits = state.refundedMinorUnits
        replacementShipment = state.replacementShipment
        priceDifference = state.priceDifference
        differenceSettled = state.differenceSettled
    }
}

struct OrderWire: Encodable {
    struct Allocation: Encodable {
        let sku: SKUID
        let warehouse: WarehouseID
        let quantity: Int64
        let backordered: Int64
    }

    let order: OrderID
    let status: OrderStatus
    let onHold: Bool
    let member: MemberID?
    let lines: [OrderLine]
    let shippingAddress: PostalAddress?
    let coupon: CouponCode?
    let subtotal: Money?
    let couponDiscount: Money?
    let pointsRedeemed: Int64
    let pointsDiscount: Money?
    let totalDue: Money?
    let amountDue: Money?
    let paid: Money?
    let refunded: Money?
    let placedAt: String?
    let paymentDueAt: String?
    let allocations: [Allocation]
    let pointsEarned: Int64
    let pointsReversed: Int64
    let payments: [PaymentWire]
    let shipments: [ShipmentWire]
    let afterSales: [AfterSaleWire]

    init(_ view: OrderView) {
        let state = view.order
        let placement = state.placement
        let currency = placement?.currency
        func money(_ minorUnits: Int64) -> Money? { currency.map { Money(minorUnits: minorUnits, currency: $0) } }
        order = view.id
        status = state.status
        onHold = state.onHold
        member = placement?.member
        lines = placement?.lines ?? []
        shippingAddress = placement?.shippingAddress
        coupon = placement?.coupon
        subtotal = placement?.subtotal
        couponDiscount = placement?.couponDiscount
        pointsRedeemed = placement?.pointsRedeemed ?? 0
        pointsDiscount = placement?.pointsDiscount
        totalDue = placement?.totalDue
        amountDue = money(state.amountDueMinorUnits)
        paid = money(state.paidMinorUnits)
        refunded = money(state.refundedMinorUnits)
        placedAt = placement.map { RFC3339.string($0.placedAt) }
        paymentDueAt = placement.map { RFC3339.string($0.paymentDueAt) }
        allocations = (placement?.allocations ?? []).map {
            Allocation(sku: $0.item.sku, warehouse: $0.item.warehouse, quantity: $0.quantity, backordered: $0.backordered)
        }
        pointsEarned = state.pointsEarned
        pointsReversed = state.pointsReversed
        payments = view.payments.sorted { $0.key < $1.key }.map { PaymentWire($0.key, $0.value) }
        shipments = view.shipments.sorted { $0.key < $1.key }.map { ShipmentWire($0.key, $0.value) }
        afterSales = view.afterSales.sorted { $0.key < $1.key }.map { AfterSaleWire($0.key, $0.value) }
    }
}

struct OrderPageWire: Encodable {
    let orders: [OrderWire]
    let nextCursor: String?
}

struct MemberWire: Encodable {
    struct Address: Encodable {
        let address: AddressID
        let recipient, phone, region, city, street, postalCode: String
    }

    let member: MemberID
    let status: MemberStatus
    let displayName: String?
    let email: String?
    let phone: String?
    let addresses: [Address]
    let defaultAddress: AddressID?
    let favourites: [SKUID]
    let tier: MemberTier
    let points: Int64
    let storeCredit: Money?

    init(_ id: MemberID, _ state: MemberState) {
        member = id
        status = state.status
        displayName = state.profile?.displayName
        email = state.profile?.email
        phone = state.profile?.phone
        addresses = state.addresses.map {
            Address(
                address: $0.id, recipient: $0.address.recipient, phone: $0.address.phone, region: $0.address.region,
                city: $0.address.city, street: $0.address.street, postalCode: $0.address.postalCode)
        }
        defaultAddress = state.defaultAddress
        favourites = state.favourites
        tier = state.tier
        points = state.pointsBalance
        storeCredit = state.storeCreditCurrency.map { Money(minorUnits: state.storeCreditMinorUnits, currency: $0) }
    }
}

struct SalesReportWire: Encodable {
    struct Totals: Encodable {
        let currency: Currency
        let revenue: Money
        let refunded: Money
        let orders: Int64
        let units: Int64
    }

    struct Day: Encodable {
        let day: String
        let totals: [Totals]
    }

    struct Seller: Encodable {
        let sku: SKUID
        let units: Int64
        let revenue: Money
        let orders: Int64
    }

    let from: String
    let through: String
    let position: UInt64
    let totals: [Totals]
    let days: [Day]
    let topSellers: [Seller]

    init(_ report: SalesReport) {
        func totals(_ byCurrency: [Currency: SalesTotals]) -> [Totals] {
            byCurrency.sorted { $0.key.code < $1.key.code }.map {
                Totals(currency: $0.key, revenue: $0.value.revenue, refunded: $0.value.refunded, orders: $0.value.orders,
                    units: $0.value.units)
            }
        }
        from = report.from.description
        through = report.through.description
        position = report.position
        self.totals = totals(report.totals)
        days = report.days.map { Day(day: $0.day.description, totals: totals($0.byCurrency)) }
        topSellers = report.topSellers.map { Seller(sku: $0.sku, units: $0.units, revenue: $0.revenue, orders: $0.orders) }
    }
}
