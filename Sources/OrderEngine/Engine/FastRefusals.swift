import EventLog
import Foundation
import OrderDomain
import Synchronization

/// Answers, on the caller's own thread, the placements the sequencer could only refuse for want
/// of stock: once a SKU is sold out, a sale is a stream of such refusals, and each one through
/// the sequencer costs a queue, a batch, a commit cycle and two thread hops.
///
/// The answer must be the one the sequencer would give at some moment during the call, against
/// durable state only. So it is given only when all of this holds:
/// - the command places an order without coupon or points, and every SKU it names has an open
///   entry in the `SoldOutGate` (sold out in the durable log, nothing raising it decided since),
///   with the same generation before and after the reads below;
/// - the command id is held alone in the `CommandIdRegistry` (no copy queued or being decided);
/// - one durable snapshot of the log (`LMDBStreamReader.isDurable`) holds no outcome of the
///   command id, no event of the new order, and the member's registration (or an earlier durable
///   snapshot held it: a registration, once made, never goes away);
/// - the domain's own checkout, reading those facts, refuses with `insufficient_stock` (before
///   that refusal it reads of the member only its status, and no other aggregate; reading one
///   makes the facts not enough).
///
/// The refusal is remembered with the sequencer's, so a retry of the command id gets it again.
/// Anything else goes to the sequencer as before.
final class FastRefusals: Sendable {
    private let log: LMDBEventLog
    private let gate: SoldOutGate
    private let registry: CommandIdRegistry
    private let policy: DomainPolicy
    private let codec = EventCodec()
    private let answered = Atomic<UInt64>(0)
    /// Members found registered in a durable snapshot, as their registration left them: a
    /// registration never goes away, so it is not read again. Emptied when it reaches
    /// `registeredCountMax`.
    private let registered = Mutex<[MemberID: MemberState]>([:])
    static let registeredCountMax = 65_536

    init(log: LMDBEventLog, gate: SoldOutGate, registry: CommandIdRegistry, policy: DomainPolicy) {
        self.log = log
        self.gate = gate
        self.registry = registry
        self.policy = policy
    }

    /// Commands answered here so far.
    var answeredCount: UInt64 { answered.load(ordering: .relaxed) }

    /// The sequencer's refusal of `command`, when it can be given here; nil sends the command on.
    func refusal(for command: EngineCommand) -> Refusal? {
        guard case .placeOrder(let placement) = command.command, placement.coupon == nil, placement.pointsToRedeem == 0,
            !placement.lines.isEmpty
        else { return nil }
        var entries: [SoldOutGate.Entry] = []
        entries.reserveCapacity(placement.lines.count)
        for line in placement.lines {
            guard let entry = gate.entry(line.sku) else { return nil }
            entries.append(entry)
        }
        let held = registry.holdingAlone(command.id) { () -> Refusal? in
            guard let refusal = decide(command, placement, entries) else { return nil }
            // Every entry stayed open through the reads: no commit raised those SKUs meanwhile.
            for entry in entries where gate.entry(entry.sku) !== entry { return nil }
            return refusal
        }
        let refusal: Refusal?
        switch held {
        case .remembered(let remembered): refusal = remembered
        case .submitted: refusal = nil
        case .decided(let decided): refusal = decided
        }
        if refusal != nil { answered.add(1, ordering: .relaxed) }
        return refusal
    }

    /// The checkout's refusal for want of stock against the durable log and the gate's entries;
    /// nil when the facts are not all there or the checkout would do anything else.
    private func decide(_ command: EngineCommand, _ placement: PlaceOrder, _ entries: [SoldOutGate.Entry]) -> Refusal? {
        let known = registered.withLock { $0[placement.member] }
        let member: MemberState? = try? log.withStreamReader { reader -> MemberState? in
            guard reader.isDurable, try reader.commandOutcome(command.id) == nil,
                try reader.streamVersion(placement.order.streamId) == 0
            else { return nil }
            if let known { return known }
            guard let registration = try reader.readStream(placement.member.streamId, fromVersion: 1, limit: 1).first else { return nil }
            var states = DomainStates()
            states.apply(try EventReplay.decode(registration, codec: codec))
            return states.member(placement.member)
        }
        guard let member else { return nil }
        if known == nil && member.status == .active {
            registered.withLock { registered in
                if registered.count >= Self.registeredCountMax { registered.removeAll(keepingCapacity: true) }
                registered[placement.member] = member
            }
        }
        let facts = SoldOutFacts(entries: entries, order: placement.order, member: placement.member, memberState: member)
        do {
            _ = try Domain.decide(command.command, facts, policy)
            return nil
        } catch {
            return error.code == .insufficientStock && !facts.readOtherwise ? error : nil
        }
    }
}

/// What the checkout of a placement reads, from the gate's entries and one durable snapshot: the
/// new order has no state, the member is as registered, the SKUs' listings and warehouses are
/// the entries', and no stock item of theirs has a unit available. Reading anything else marks
/// the facts as not enough (`readOtherwise`).
private final class SoldOutFacts: DomainStateReading {
    /// One per line of the placement: a handful at most, searched in order.
    private let entries: [SoldOutGate.Entry]
    private let orderId: OrderID
    private let memberId: MemberID
    private let memberState: MemberState
    private(set) var readOtherwise = false

    init(entries: [SoldOutGate.Entry], order: OrderID, member: MemberID, memberState: MemberState) {
        self.entries = entries
        self.orderId = order
        self.memberId = member
        self.memberState = memberState
    }

    private func other<State>(_ state: State) -> State {
        readOtherwise = true
        return state
    }

    private func entry(_ sku: SKUID) -> SoldOutGate.Entry? { entries.first { $0.sku == sku } }

    func catalog(_ id: SKUID) -> CatalogState { entry(id)?.catalog ?? other(.initial) }
    func warehouses(stocking sku: SKUID) -> [WarehouseID] { entry(sku)?.warehouses ?? other([]) }
    func stock(_ id: StockItemID) -> StockState {
        // The entry stands for "nothing available"; the checkout reads no more of a sold-out item.
        entry(id.sku)?.warehouses.contains(id.warehouse) == true ? .initial : other(.initial)
    }
    func order(_ id: OrderID) -> OrderState { id == orderId ? .initial : other(.initial) }
    func member(_ id: MemberID) -> MemberState { id == memberId ? memberState : other(.initial) }
    func payment(_ id: PaymentID) -> PaymentState { other(.initial) }
    func shipment(_ id: ShipmentID) -> ShipmentState { other(.initial) }
    func afterSale(_ id: AfterSaleID) -> AfterSaleState { other(.initial) }
    func coupon(_ code: CouponCode) -> CouponState { other(.initial) }
}
