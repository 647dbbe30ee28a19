import OrderDomain
import Testing

@testable import OrderEngine

/// The projections write order and member views with hand-written encoders; these tests hold
/// them to `BinaryEncoder`, which defines the stored format, on states reached by real commands.
@Suite struct FastViewCodecTests {
    @Test func orderViewsEncodeToTheGenericBytesAndDecodeBack() throws {
        let states = try ViewShop.busy().states
        let links = OrderLinks.all(in: states)
        #expect(states.orders.count >= 6)
        for id in states.orders.keys {
            let view = OrderView(id, states: states, links: links[id] ?? OrderLinks())
            let fast = try view.binaryBytes()
            #expect(fast == (try BinaryEncoder().encode(view)), "\(id)")
            #expect(try BinaryDecoder().decode(OrderView.self, from: fast) == view, "\(id)")
        }
    }

    @Test func orderViewsDecodeByHandAsTheGenericDecoderDoes() throws {
        let states = try ViewShop.busy().states
        let links = OrderLinks.all(in: states)
        for id in states.orders.keys {
            let view = OrderView(id, states: states, links: links[id] ?? OrderLinks())
            let bytes = try view.binaryBytes()
            #expect(try Self.decodedByHand(bytes) as OrderView == view, "\(id)")
        }
        for payment in states.payments.values { #expect(try Self.decodedByHand(payment.binaryBytes()) == payment) }
        for shipment in states.shipments.values { #expect(try Self.decodedByHand(shipment.binaryBytes()) == shipment) }
        for afterSale in states.afterSales.values {
            #expect(try Self.decodedByHand(afterSale.binaryBytes()) == afterSale)
        }
        #expect(try Self.decodedByHand(OrderState.initial.binaryBytes()) == OrderState.initial)
    }

    /// Damaged rows: every byte of every order and member view changed in turn, every truncation,
    /// and padding. The hand-written readers refuse exactly what `BinaryDecoder` refuses, and read
    /// the rest to the same value.
    @Test func damagedViewsAreReadOrRefusedAsTheGenericDecoderDoes() throws {
        let states = try ViewShop.busy().states
        let links = OrderLinks.all(in: states)
        var tally = (variants: 0, refused: 0)
        for id in states.orders.keys {
            let view = OrderView(id, states: states, links: links[id] ?? OrderLinks())
            Self.expectSameReadingOfDamaged(try view.binaryBytes(), as: OrderView.self, tally: &tally)
        }
        for member in states.members.values {
            Self.expectSameReadingOfDamaged(try member.binaryBytes(), as: MemberState.self, tally: &tally)
        }
        // Both refuse most damage, and both read some of it (a changed amount is still a view).
        #expect(tally.refused > tally.variants / 2 && tally.refused < tally.variants)
    }

    private static func expectSameReadingOfDamaged<Value: BinaryReadable & Decodable & Equatable>(
        _ bytes: [UInt8], as type: Value.Type, tally: inout (variants: Int, refused: Int)
    ) {
        var damaged: [[UInt8]] = (0..<bytes.count).map { Array(bytes.prefix($0)) } + [bytes + [0]]
        for index in bytes.indices {
            for change in [UInt8(1), 0x7F, 0x80] {
                var copy = bytes
                copy[index] &+= change
                damaged.append(copy)
            }
        }
        for candidate in damaged {
            tally.variants += 1
            let generic = try? BinaryDecoder().decode(Value.self, from: candidate)
            let byHand = try? candidate.withUnsafeBytes { try Value(stored: $0, limits: .standard) }
            #expect(byHand == generic, "\(Value.self): \(candidate)")
            if generic == nil { tally.refused += 1 }
        }
    }

    private static func decodedByHand<Value: BinaryReadable>(_ bytes: [UInt8]) throws -> Value {
        try bytes.withUnsafeBytes { raw throws(EventCodecError) in
            var reader = BinaryReader(raw, limits: .standard)
            let value = try Value(from: &reader)
            guard reader.remainingByteCount == 0 else { throw .malformed("bytes after the value") }
            return value
        }
    }

    @Test func setsAndDictionariesOutOfOrderOrRepeatedAreRefusedAsTheGenericDecoderDoes() throws {
        let ids: Set<PaymentID> = ["a", "b"]
        let sorted = try ids.binaryBytes()  // count 2, then "a", then "b"
        let swapped = [sorted[0]] + Array(sorted[3...4]) + Array(sorted[1...2])
        let repeated = [sorted[0]] + Array(sorted[1...2]) + Array(sorted[1...2])
        for bytes in [swapped, repeated] {
            #expect(throws: EventCodecError.self) { try BinaryDecoder().decode(Set<PaymentID>.self, from: bytes) }
            #expect(throws: EventCodecError.self) { let _: Set<PaymentID> = try Self.decodedByHand(bytes) }
        }
        let returns: [AfterSaleID: [LineQuantity]] = ["a": [], "b": []]
        let entries = try returns.binaryBytes()  // count 2, then "a" [], then "b" []
        let swappedEntries = [entries[0]] + Array(entries[4...6]) + Array(entries[1...3])
        let repeatedEntries = [entries[0]] + Array(entries[1...3]) + Array(entries[1...3])
        for bytes in [swappedEntries, repeatedEntries] {
            #expect(throws: EventCodecError.self) { try BinaryDecoder().decode([AfterSaleID: [LineQuantity]].self, from: bytes) }
            #expect(throws: EventCodecError.self) { let _: [AfterSaleID: [LineQuantity]] = try Self.decodedByHand(bytes) }
        }
        let _: Set<PaymentID> = try Self.decodedByHand(sorted)
        let _: [AfterSaleID: [LineQuantity]] = try Self.decodedByHand(entries)
    }

    @Test func statesEncodeToTheGenericBytes() throws {
        let states = try ViewShop.busy().states
        for payment in states.payments.values { #expect(try payment.binaryBytes() == BinaryEncoder().encode(payment)) }
        for shipment in states.shipments.values { #expect(try shipment.binaryBytes() == BinaryEncoder().encode(shipment)) }
        for afterSale in states.afterSales.values {
            #expect(try afterSale.binaryBytes() == BinaryEncoder().encode(afterSale))
        }
        #expect(try PaymentState.initial.binaryBytes() == BinaryEncoder().encode(PaymentState.initial))
        #expect(try ShipmentState.initial.binaryBytes() == BinaryEncoder().encode(ShipmentState.initial))
        #expect(try AfterSaleState.initial.binaryBytes() == BinaryEncoder().encode(AfterSaleState.initial))
        #expect(try OrderState.initial.binaryBytes() == BinaryEncoder().encode(OrderState.initial))
    }

    @Test func membersEncodeToTheGenericBytesAndDecodeBack() throws {
        let states = try ViewShop.busy().states
        #expect(states.members.count >= 3)
        for member in Array(states.members.values) + [MemberState.initial] {
            let fast = try member.binaryBytes()
            #expect(fast == (try BinaryEncoder().encode(member)))
            #expect(try BinaryDecoder().decode(MemberState.self, from: fast) == member)
            #expect(try Self.decodedByHand(fast) as MemberState == member)
        }
    }

    @Test func setsAndDictionariesSortByEncodedBytesAsTheGenericEncoderDoes() throws {
        let ids: Set<PaymentID> = ["b", "a", "aa", "z9", "10", "ab"]
        #expect(try ids.binaryBytes() == BinaryEncoder().encode(ids))
        let lines: [AfterSaleID: [LineQuantity]] = ["x", "yy", "a", "zzz"].reduce(into: [:]) { result, raw in
            result[AfterSaleID(stringLiteral: raw)] = [LineQuantity(sku: "shirt", quantity: Int64(raw.count))]
        }
        #expect(try lines.binaryBytes() == BinaryEncoder().encode(lines))
    }

    @Test func storedLinksAreTheViewsKeys() throws {
        let states = try ViewShop.busy().states
        let links = OrderLinks.all(in: states)
        for id in states.orders.keys {
            let view = OrderView(id, states: states, links: links[id] ?? OrderLinks())
            let bytes = try view.binaryBytes()
            let stored = try bytes.withUnsafeBytes { raw throws(EventCodecError) in
                try OrderLinks(storedView: raw, limits: .standard)
            }
            #expect(stored == (links[id] ?? OrderLinks()), "\(id)")
        }
    }

    @Test func storedLinksRefuseTruncatedAndPaddedRows() throws {
        let states = try ViewShop.busy().states
        let links = OrderLinks.all(in: states)
        let id: OrderID = "o2"
        let bytes = try OrderView(id, states: states, links: links[id] ?? OrderLinks()).binaryBytes()
        for count in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: EventCodecError.self) {
                try Array(bytes.prefix(count)).withUnsafeBytes { raw throws(EventCodecError) in
                    try OrderLinks(storedView: raw, limits: .standard)
                }
            }
        }
        #expect(throws: EventCodecError.self) {
            try (bytes + [0]).withUnsafeBytes { raw throws(EventCodecError) in
                try OrderLinks(storedView: raw, limits: .standard)
            }
        }
    }
}

/// A shop driven through `Domain.decide`: orders placed, paid, shipped, delivered, completed,
/// returned, exchanged, claimed and cancelled; members with addresses, favourites, points and credit.
private struct ViewShop {
    var states = DomainStates()

    mutating func run(_ command: DomainCommand) throws {
        states.apply(try Domain.decide(command, states, .standard))
    }

    static func busy() throws -> ViewShop {
        var shop = ViewShop()
        try shop.stock()
        try shop.members()
        try shop.orders()
        try shop.afterSales()
        return shop
    }

    mutating func stock() throws {
        for (sku, price, backorder) in [("shirt", Int64(9_900), false), ("hat", 5_000, true)] {
            let definition = SKUDefinition(
                id: try SKUID(sku), title: sku, price: cny(price), categoryPath: ["apparel"], backorderAllowed: backorder)
            try run(.catalog(try SKUID(sku), .register(definition, at: at(0))))
            try run(.catalog(try SKUID(sku), .list(at: at(0))))
        }
        try run(.stock(StockItemID(sku: "shirt", warehouse: "w1"), .receive(quantity: 20, at: at(1))))
        try run(.stock(StockItemID(sku: "shirt", warehouse: "w2"), .receive(quantity: 5, at: at(1))))
        try run(.stock(StockItemID(sku: "hat", warehouse: "w1"), .receive(quantity: 10, at: at(1))))
    }

    mutating func members() throws {
        for member: MemberID in ["m1", "m2", "m3"] {
            try run(.member(member, .register(profile, at: at(1))))
        }
        try run(.member("m1", .addAddress("home", home, at: at(2))))
        try run(.member("m1", .addAddress("work", work, at: at(2))))
        try run(.member("m1", .setDefaultAddress("work", at: at(3))))
        try run(.member("m1", .addFavourite("shirt", at: at(3))))
        try run(.member("m1", .addFavourite("hat", at: at(3))))
        try run(.member("m1", .earnPoints(order: "welcome", points: 1_000, at: at(4))))
        try run(.member("m1", .changeTier(.gold, at: at(4))))
        try run(.member("m2", .addStoreCredit(cny(2_500), reason: "goodwill", at: at(4))))
        try run(.member("m2", .spendStoreCredit(cny(500), reason: "order", at: at(5))))
    }

    mutating func orders() throws {
        try place("o1", [LineQuantity(sku: "shirt", quantity: 1)])
        try place("o2", [LineQuantity(sku: "shirt", quantity: 2), LineQuantity(sku: "hat", quantity: 1)])
        try pay("o2", payment: "p2")
        try deliver("o2")
        try place("o3", [LineQuantity(sku: "hat", quantity: 2)])
        try pay("o3", payment: "p3")
        try deliver("o3")
        try run(.completeOrder("o3", at: at(40)))
        try place("o4", [LineQuantity(sku: "shirt", quantity: 1)], member: "m2")
        try run(.cancelOrder("o4", reason: "changed mind", at: at(12)))
        try place("o5", [LineQuantity(sku: "shirt", quantity: 3)], member: "m3")
        try pay("o5", payment: "p5")
        try place("o6", [LineQuantity(sku: "shirt", quantity: 2)], member: "m3")
        try pay("o6", payment: "p6")
        try deliver("o6")
    }

    mutating func afterSales() throws {
        try run(
            .requestAfterSale(
                "a1", order: "o2", member: "m1", kind: .return, lines: [LineQuantity(sku: "shirt", quantity: 1)],
                reason: "too big", at: at(50)))
        try run(.afterSale("a1", .approve(at: at(51))))
        try run(
            .afterSale(
                "a1", .receiveGoods(warehouse: "w1", good: [LineQuantity(sku: "shirt", quantity: 1)], damaged: [], at: at(52))))
        try run(.refundAfterSale("a1", payment: "p2", amount: cny(9_900), at: at(53)))
        let exchange = AfterSaleKind.exchange(replacements: [LineQuantity(sku: "hat", quantity: 1)])
        try run(
            .requestAfterSale(
                "a2", order: "o6", member: "m3", kind: exchange, lines: [LineQuantity(sku: "shirt", quantity: 1)],
                reason: "prefer a hat", at: at(50)))
        try run(.afterSale("a2", .approve(at: at(51))))
        try run(
            .afterSale(
                "a2", .receiveGoods(warehouse: "w1", good: [LineQuantity(sku: "shirt", quantity: 1)], damaged: [], at: at(52))))
        try run(.arrangeReplacement("a2", shipment: "r2", warehouse: "w1", at: at(53)))
        try run(.shipment("r2", .assignCarrier(carrier: "SF", trackingNumber: "R2", at: at(54))))
        try run(.shipment("r2", .markShipped(at: at(55))))
        try run(
            .requestAfterSale(
                "a3", order: "o3", member: "m1", kind: .claim(.damaged), lines: [LineQuantity(sku: "hat", quantity: 1)],
                reason: "torn", at: at(60)))
    }

    mutating func place(_ id: OrderID, _ lines: [LineQuantity], member: MemberID = "m1") throws {
        try run(
            .placeOrder(
                PlaceOrder(
                    order: id, member: member, lines: lines, shippingAddress: home, coupon: nil, pointsToRedeem: 0,
                    at: at(10))))
    }

    mutating func pay(_ id: OrderID, payment: PaymentID) throws {
        let due = states.order(id).placement!.totalDue
        try run(.authorizePayment(payment, order: id, method: .alipay, amount: due, at: at(20)))
        try run(.payment(payment, .capture(amount: due, at: at(21))))
    }

    mutating func deliver(_ order: OrderID) throws {
        for (index, allocation) in states.order(order).placement!.allocations.enumerated() {
            let id = try ShipmentID("\(order)-s\(index)")
            let lines = [LineQuantity(sku: allocation.item.sku, quantity: allocation.quantity)]
            try run(.createShipment(id, order: order, warehouse: allocation.item.warehouse, lines: lines, at: at(30)))
            try run(.shipment(id, .assignCarrier(carrier: "SF", trackingNumber: "T\(index)", at: at(30))))
            try run(.shipment(id, .markShipped(at: at(31))))
            try run(.shipment(id, .recordTransit(location: "Hangzhou", at: at(32))))
            try run(.shipment(id, .markDelivered(at: at(33))))
        }
    }
}

private func at(_ seconds: Int64) -> Timestamp { Timestamp(microsecondsSince1970: seconds * 1_000_000) }
private func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }
private let profile = MemberProfile(displayName: "Li Lei", email: "li@example.com", phone: "13800000000")
private let home = PostalAddress(
    recipient: "Li Lei", phone: "13800000000", region: "Zhejiang", city: "Hangzhou", street: "1 West Lake Road",
    postalCode: "310000")
private let work = PostalAddress(
    recipient: "Li Lei", phone: "13800000001", region: "Shanghai", city: "Shanghai", street: "2 Bund Road",
    postalCode: "200000")
