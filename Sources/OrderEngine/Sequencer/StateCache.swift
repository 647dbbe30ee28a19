import EventLog
import OrderDomain

/// The sequencer's in-memory states, bounded: SKUs, stock items and coupons are always held,
/// while orders, payments, parcels, after-sale cases and members come into memory when a command
/// or an event needs them and leave again, oldest arrival first, once more than `countMax` are
/// held. One that is not held is read back from its stream in the log on the next access, so
/// deciding against the cache is deciding against the whole log.
///
/// Beside the states it keeps the payment deadline of every order placed unpaid (`expiries`), an
/// id and a time each, so that an unpaid order may be let go too and still expires on time.
///
/// A read of the log that fails cannot be reported through `DomainStateReading`; the aggregate
/// then reads as never seen and the failure waits in `takeLoadFailure()`, which the sequencer
/// checks after every decision and before every commit, failing the batch.
///
/// Belongs to the sequencer's thread, like the states it wraps.
final class StateCache: DomainStateReading {
    private(set) var states: DomainStates
    /// Payment deadlines of the orders placed unpaid, stored with each snapshot.
    private(set) var expiries: ExpiryQueue
    private let log: LMDBEventLog
    /// The batch's snapshot of the log, for reading aggregates back (see `withBatchReads`).
    private var reader: LMDBStreamReader?
    private let codec: EventCodec
    /// Most orders, payments, parcels, after-sale cases and members held after a batch.
    let countMax: Int
    /// Held aggregates that may be let go, in the order they came into memory (with stale and
    /// repeated entries, which cost a skipped step when they come up).
    private var arrivals = ArrivalQueue()
    /// Aggregates looked up and not found in the log since the last eviction: new ids, which a
    /// batch reads more than once (decide, then apply).
    private var absent: Set<AggregateID> = []
    private var loadFailure: EngineError?
    /// Streams read back from the log since the cache was made.
    private(set) var loadCount: UInt64 = 0
    /// Loads read no event at or past this position: while folding the log's tail at start-up, an
    /// aggregate must come back as it stood just before the event being folded.
    private var loadPositionEnd: UInt64 = .max

    /// Most events read per page of a stream.
    static let loadPageCountMax = 4_096

    init(states: DomainStates, paymentDeadlines: [PaymentDeadline], log: LMDBEventLog, codec: EventCodec, countMax: Int) {
        precondition(countMax > 0, "the cache must hold at least one aggregate")
        self.states = states
        self.expiries = ExpiryQueue(paymentDeadlines)
        self.log = log
        self.codec = codec
        self.countMax = countMax
        for id in states.orders.keys { arrivals.append(.order(id)) }
        for id in states.payments.keys { arrivals.append(.payment(id)) }
        for id in states.shipments.keys { arrivals.append(.shipment(id)) }
        for id in states.afterSales.keys { arrivals.append(.afterSale(id)) }
        for id in states.members.keys { arrivals.append(.member(id)) }
    }

    /// Orders, payments, parcels, after-sale cases and members held now.
    var count: Int {
        states.orders.count + states.payments.count + states.shipments.count + states.afterSales.count + states.members.count
    }

    // MARK: Reading

    // Each read goes to its table directly: calling a `DomainStates` method on `states` copies
    // the whole struct first (a retain and a release of every table), which was a sixth of
    // deciding a refused order.

    func catalog(_ id: SKUID) -> CatalogState { states.catalogs[id] ?? .initial }
    func stock(_ id: StockItemID) -> StockState { states.stocks[id] ?? .initial }
    func warehouses(stocking sku: SKUID) -> [WarehouseID] { states.warehousesBySKU[sku] ?? [] }
    func coupon(_ code: CouponCode) -> CouponState { states.coupons[code] ?? .initial }

    func order(_ id: OrderID) -> OrderState {
        if let state = states.orders[id] { return state }
        return load(.order(id)) ? states.orders[id] ?? .initial : .initial
    }

    func payment(_ id: PaymentID) -> PaymentState {
        if let state = states.payments[id] { return state }
        return load(.payment(id)) ? states.payments[id] ?? .initial : .initial
    }

    func shipment(_ id: ShipmentID) -> ShipmentState {
        if let state = states.shipments[id] { return state }
        return load(.shipment(id)) ? states.shipments[id] ?? .initial : .initial
    }

    func afterSale(_ id: AfterSaleID) -> AfterSaleState {
        if let state = states.afterSales[id] { return state }
        return load(.afterSale(id)) ? states.afterSales[id] ?? .initial : .initial
    }

    func member(_ id: MemberID) -> MemberState {
        if let state = states.members[id] { return state }
        return load(.member(id)) ? states.members[id] ?? .initial : .initial
    }

    // MARK: Changing

    /// Reads back from the log every aggregate `events` change that is not held, so that applying
    /// them starts from the aggregates' current states. Call before `apply`, and check
    /// `takeLoadFailure()` before applying.
    func readBack(_ events: some Sequence<DomainEvent>) {
        for event in events {
            let aggregate = event.aggregate
            if Self.mayLetGo(aggregate) && !holds(aggregate) { load(aggregate) }
        }
    }

    /// Folds events in order; `readBack` must have brought in what they change.
    func apply(_ events: some Sequence<DomainEvent>) {
        for event in events {
            let countBefore = count
            states.apply(event)
            if count > countBefore { arrivals.append(event.aggregate) }
            if case .order(let id, .placed(let placement)) = event { expiries.insert(placement.paymentDueAt, id) }
        }
    }

    /// Up to `countMax` orders past their payment deadline at `now` that still await payment.
    func popDueOrders(now: Int64, countMax: Int) -> [OrderID] {
        expiries.popDue(now: now, states: self, countMax: countMax)
    }

    /// Expires the order at its deadline after all: its expiry could not be written.
    func retryExpiry(of order: OrderID) {
        let state = self.order(order)
        if state.status == .awaitingPayment, let placement = state.placement { expiries.insert(placement.paymentDueAt, order) }
    }

    /// The first failed read of the log since the last call, if any.
    func takeLoadFailure() -> EngineError? {
        defer { loadFailure = nil }
        return loadFailure
    }

    /// Drops what memory holds of `aggregate` and reads it back from its stream: after a failed
    /// commit, so memory never runs ahead of the log.
    func reload(_ aggregate: AggregateID) throws(EngineError) {
        states.forget(aggregate)
        absent.remove(aggregate)
        load(aggregate)
        if let failure = takeLoadFailure() { throw failure }
    }

    /// Runs a batch's decisions with one read snapshot of the log for every aggregate they read
    /// back, instead of a read transaction each: a sale of new order ids looks each id up once.
    /// The snapshot is the log before the batch, which is what a read-back needs: whatever the
    /// batch changes is held. Without a snapshot (it could not be opened), each read opens its
    /// own. `body` must not commit: the snapshot holds the map's resize lock shared.
    /// `body` gets the snapshot (nil without one) for reads of its own.
    func withBatchReads<Result>(_ body: (LMDBStreamReader?) -> Result) -> Result {
        var result: Result?
        _ = try? log.withStreamReader { reader in
            self.reader = reader
            defer { self.reader = nil }
            result = body(reader)
        }
        return result ?? body(nil)
    }

    /// Lets go of the earliest arrivals until at most `countMax` aggregates are held, except those
    /// in `keeping`. Call only when memory equals the log for every other aggregate (after a
    /// commit with `keeping` the aggregates of the batch decided but not yet committed; between
    /// events of the start-up fold).
    func evictBeyondLimit(keeping: some Sequence<AggregateID> = EmptyCollection()) {
        absent.removeAll(keepingCapacity: true)
        guard count > countMax else { return }
        let keeping = Set(keeping)
        var kept: [AggregateID] = []
        while count > countMax, let aggregate = arrivals.popFirst() {
            if keeping.contains(aggregate) {
                kept.append(aggregate)
            } else {
                states.forget(aggregate)
            }
        }
        for aggregate in kept { arrivals.append(aggregate) }
    }

    /// Folds the log's events after `position` (the snapshot's) into the held states, reading back
    /// each aggregate that is not held as it stood just before the event, and keeping within
    /// `countMax` as it goes.
    func fold(after position: UInt64) throws {
        defer { loadPositionEnd = .max }
        try log.scan(fromPosition: position + 1, through: .max, checkingChecksums: true) { [self] position, view in
            let event: DomainEvent
            do {
                event = try codec.decode(view)
            } catch {
                throw EngineError.undecodableEvent(position: position, problem: "\(error)")
            }
            loadPositionEnd = position
            readBack(CollectionOfOne(event))
            if let failure = takeLoadFailure() { throw failure }
            apply(CollectionOfOne(event))
            if count > countMax { evictBeyondLimit() }
            return true
        }
    }

    // MARK: Loading

    private static func mayLetGo(_ aggregate: AggregateID) -> Bool {
        switch aggregate {
        case .order, .payment, .shipment, .afterSale, .member: true
        case .catalog, .stock, .coupon: false
        }
    }

    private func holds(_ aggregate: AggregateID) -> Bool {
        switch aggregate {
        case .catalog(let id): states.catalogs[id] != nil
        case .stock(let id): states.stocks[id] != nil
        case .order(let id): states.orders[id] != nil
        case .payment(let id): states.payments[id] != nil
        case .shipment(let id): states.shipments[id] != nil
        case .afterSale(let id): states.afterSales[id] != nil
        case .member(let id): states.members[id] != nil
        case .coupon(let id): states.coupons[id] != nil
        }
    }

    /// Reads the aggregate's stream (before `loadPositionEnd`) into the states and says whether
    /// it found any event; one that the log does not hold is remembered as absent until the next
    /// eviction.
    @discardableResult
    private func load(_ aggregate: AggregateID) -> Bool {
        guard loadFailure == nil, !absent.contains(aggregate) else { return false }
        loadCount += 1
        let streamId = aggregate.streamId
        var version: UInt64 = 1
        var found = false
        do {
            reading: while true {
                let page =
                    try reader?.readStream(streamId, fromVersion: version, limit: Self.loadPageCountMax)
                    ?? log.readStream(streamId, fromVersion: version, limit: Self.loadPageCountMax)
                for record in page {
                    guard record.position < loadPositionEnd else { break reading }
                    states.apply(try EventReplay.decode(record, codec: codec))
                    found = true
                }
                guard let last = page.last, page.count == Self.loadPageCountMax else { break }
                version = last.streamVersion + 1
            }
        } catch {
            states.forget(aggregate)
            loadFailure = (error as? EngineError) ?? .log(EventLogError.from(error))
            return false
        }
        if !found {
            absent.insert(aggregate)
        } else if Self.mayLetGo(aggregate) {
            arrivals.append(aggregate)
        }
        return found
    }
}

/// A first-in, first-out queue of aggregate ids: an array read from a moving head, compacted
/// when the head has passed half of it.
struct ArrivalQueue {
    private var entries: [AggregateID] = []
    private var head = 0

    var count: Int { entries.count - head }

    mutating func append(_ aggregate: AggregateID) {
        entries.append(aggregate)
    }

    mutating func popFirst() -> AggregateID? {
        guard head < entries.count else { return nil }
        let first = entries[head]
        head += 1
        if head > 1_024 && head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
        return first
    }
}
