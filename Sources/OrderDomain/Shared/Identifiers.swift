/// Identifies a catalog SKU; its stream holds the SKU's catalog events.
public struct SKUID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "sku-"
    /// Stock stream ids join SKU and warehouse with `@`, so neither may contain it.
    public static let allowsAtSign = false

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies a warehouse; part of a stock item's stream id, so it has no stream of its own.
public struct WarehouseID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = ""
    /// Stock stream ids join SKU and warehouse with `@`, so neither may contain it.
    public static let allowsAtSign = false

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies an order and its stream; it also keys stock reservations.
public struct OrderID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "order-"

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies a member account and its stream.
public struct MemberID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "member-"

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// The code a shopper types; it identifies the coupon's stream.
public struct CouponCode: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "coupon-"

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies one payment attempt and its stream.
public struct PaymentID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "payment-"

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies one parcel and its stream.
public struct ShipmentID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "shipment-"

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies a return, exchange or claim and its stream.
public struct AfterSaleID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = "aftersale-"

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// Identifies an entry in a member's address book.
public struct AddressID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = ""

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}

/// A payment provider's id for one callback, used to ignore repeats.
public struct ProviderEventID: DomainID {
    /// The validated text of the id.
    public let rawValue: String
    /// The stream prefix for this kind of id.
    public static let streamPrefix = ""

    /// Wraps validated text; not API.
    public init(_unchecked rawValue: String) {
        self.rawValue = rawValue
    }
}
