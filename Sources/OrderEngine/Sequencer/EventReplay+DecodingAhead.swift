import EventLog
import Foundation
import OrderDomain

extension EventReplay {
    /// Events one decoded chunk holds at most.
    static let chunkEventCountMax = 1024
    /// Chunks decoded and not yet folded, at most: bounds the memory held ahead of the fold.
    static let chunksAheadMax = 16
    /// Stock items bound to fewer open holds than this grow their tables as they go.
    static let holdTableCountMin = 4_096

    /// Folds every event from the start of the log through `endPosition` into fresh states, as
    /// `states(from:through:codec:)` does, on two threads. The log is cut into chunks of
    /// `chunkEventCountMax` positions, and the states into their two halves (`DomainStates.Half`).
    /// Each thread folds one half's events of every chunk in order into states of its own, and
    /// whenever its next chunk is not decoded yet, scans, checks and decodes the next chunk not
    /// yet claimed rather than wait. So both threads fold and decode, and the one whose half costs
    /// less decodes more. The halves are joined at the end. Each thread's caches and address
    /// translations then hold only its own half's tables. The first error is thrown after the
    /// events before it were folded, as in `fold`.
    ///
    /// The orders, payments and parcels tables are sized first from the number of stored order
    /// views (see `DomainStates.reserveCapacity(orders:in:)`), so the fold does not grow them one
    /// doubling at a time: growing the orders table was over a third of folding a log of new
    /// orders. Each stock item's open holds likewise, from its stored inventory counts. A count that
    /// is off costs time or address space, never a wrong state.
    static func statesDecodingAhead(
        from log: LMDBEventLog, through endPosition: UInt64, codec: EventCodec
    ) throws -> DomainStates {
        let orderCount = try OrderStatusProjection.storedOrderCount(log, atMost: endPosition)
        let holdBounds = try InventoryProjection.storedHoldBounds(log, countMin: holdTableCountMin, countMax: orderCount)
        let chunks = DecodedChunks(endPosition: endPosition, aheadMax: chunksAheadMax)
        let decode: @Sendable (Int) -> DecodedChunk = { index in
            decodeChunk(index, of: log, through: endPosition, codec: codec, into: chunks.emptyChunk())
        }
        let fulfilment = HalfFold(.fulfilment, orderCount: orderCount, holdBounds: holdBounds)
        let fulfilmentThread = Thread {
            fulfilment.run(chunks, decode: decode)
            chunks.foldExited()
        }
        fulfilmentThread.start()
        let orders = HalfFold(.orders, orderCount: orderCount, holdBounds: [:])
        orders.run(chunks, decode: decode)
        // The other thread reads the log until it has stopped; the caller may close the log after this.
        chunks.waitForFolds(toExit: 1)
        if let failure = orders.failure ?? fulfilment.failure { throw failure }
        return DomainStates(orders: orders.states, fulfilment: fulfilment.states)
    }

    /// Positions `1 + index × chunkEventCountMax` on, through `endPosition` at most, decoded into
    /// `chunk`; a failure ends the chunk, after the events before it.
    fileprivate static func decodeChunk(
        _ index: Int, of log: LMDBEventLog, through endPosition: UInt64, codec: EventCodec, into chunk: EventChunk
    ) -> DecodedChunk {
        let first = UInt64(index) * UInt64(chunkEventCountMax) + 1
        let last = min(first + UInt64(chunkEventCountMax) - 1, endPosition)
        var filling = EventChunk.Filling(chunk)
        do {
            try log.scan(fromPosition: first, through: last, checkingChecksums: true) { position, view in
                do {
                    filling.append(try codec.decode(view))
                } catch {
                    throw EngineError.undecodableEvent(position: position, problem: "\(error)")
                }
                return true
            }
            return DecodedChunk(events: filling.finish(), failure: nil)
        } catch {
            return DecodedChunk(events: filling.finish(), failure: error)
        }
    }
}

/// One half's fold: the states it fills and where it stopped early, if it did. Run by one thread,
/// read by the caller once that thread has exited.
private final class HalfFold: @unchecked Sendable {
    let half: DomainStates.Half
    private(set) var states = DomainStates()
    private(set) var failure: (any Error)?
    /// Stock items whose hold tables are sized when their stock first appears: `fulfilment` only.
    private var holdBounds: [StockItemID: Int]

    init(_ half: DomainStates.Half, orderCount: Int, holdBounds: [StockItemID: Int]) {
        self.half = half
        self.holdBounds = holdBounds
        states.reserveCapacity(orders: orderCount, in: half)
    }

    /// Folds this half of every chunk in order, decoding chunks meanwhile, until the last chunk
    /// or the first that failed.
    func run(_ chunks: DecodedChunks, decode: (Int) -> DecodedChunk) {
        var index = 0
        while let decoded = chunks.take(index, for: half, decodingMeanwhile: decode) {
            decoded.events.moveOutEach(of: half) { event in states.apply(consume event) }
            chunks.folded(decoded.events)
            if let failure = decoded.failure {
                self.failure = failure
                return
            }
            if !holdBounds.isEmpty {
                // An item's table is sized in the chunk where its stock first appears.
                holdBounds = holdBounds.filter { item, count in !states.reserveCapacity(reservations: count, in: item) }
            }
            index += 1
        }
    }
}

/// One chunk's events, and the error that ended it early, if one did.
private struct DecodedChunk: @unchecked Sendable {
    let events: EventChunk
    let failure: (any Error)?
}

/// The chunks of one replay, between the two threads that fold a half each. Either thread claims
/// the next chunk not yet claimed and decodes it; each takes them in order. At most `aheadMax`
/// chunks are claimed beyond the next one the slower half folds, which bounds the memory decoded
/// ahead. Chunks folded by both halves come back empty to be filled again, so their buffers are
/// not allocated, faulted in and freed once per chunk.
private final class DecodedChunks: @unchecked Sendable {
    private let condition = NSCondition()
    private let chunkCount: Int
    private let aheadMax: Int
    // Guarded by `condition`.
    private var nextToClaim = 0
    /// The next chunk each half takes, by `Half.rawValue`.
    private var nextToFold = [Int](repeating: 0, count: DomainStates.Half.allCases.count)
    /// Decoded chunks not yet taken by both halves.
    private var decoded: [Int: DecodedChunk] = [:]
    private var emptyChunks: [EventChunk] = []
    private var foldsExited = 0

    init(endPosition: UInt64, aheadMax: Int) {
        precondition(aheadMax > 0)
        let size = UInt64(EventReplay.chunkEventCountMax)
        chunkCount = Int((endPosition + size - 1) / size)
        self.aheadMax = aheadMax
    }

    /// Chunk `index` once decoded, for `half`; nil past the last. While it is not decoded yet,
    /// decodes the next unclaimed chunk with `decode` (outside the lock) when there is room ahead
    /// of the slower half, else waits.
    func take(_ index: Int, for half: DomainStates.Half, decodingMeanwhile decode: (Int) -> DecodedChunk) -> DecodedChunk? {
        condition.lock()
        defer { condition.unlock() }
        precondition(index == nextToFold[half.rawValue])
        guard index < chunkCount else { return nil }
        while true {
            if let chunk = decoded[index] {
                nextToFold[half.rawValue] = index + 1
                if nextToFold.allSatisfy({ $0 > index }) { decoded[index] = nil }
                condition.broadcast()
                return chunk
            }
            if nextToClaim < chunkCount && nextToClaim - nextToFold.min()! < aheadMax {
                let claimed = nextToClaim
                nextToClaim += 1
                condition.unlock()
                let chunk = decode(claimed)
                condition.lock()
                decoded[claimed] = chunk
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
    }

    /// An empty chunk with room for a full one: a folded one when there is one.
    func emptyChunk() -> EventChunk {
        condition.lock()
        let recycled = emptyChunks.popLast()
        condition.unlock()
        return recycled ?? EventChunk(capacity: EventReplay.chunkEventCountMax)
    }

    /// A half has folded its events of `chunk`; once both have, it is filled again.
    func folded(_ chunk: EventChunk) {
        condition.lock()
        defer { condition.unlock() }
        chunk.halvesFolded += 1
        if chunk.halvesFolded == DomainStates.Half.allCases.count {
            precondition(chunk.isEmpty)
            chunk.halvesFolded = 0
            emptyChunks.append(chunk)
        }
    }

    /// A thread that ran a half's fold has stopped reading the log.
    func foldExited() {
        condition.lock()
        defer { condition.unlock() }
        foldsExited += 1
        condition.broadcast()
    }

    /// Waits until `count` threads have called `foldExited()`.
    func waitForFolds(toExit count: Int) {
        condition.lock()
        defer { condition.unlock() }
        while foldsExited < count { condition.wait() }
    }
}

/// Up to `capacity` decoded events of each half in log order, filled by whichever thread claimed
/// its chunk, then emptied by the two folding threads, a half each, at the same time
/// (`DecodedChunks` hands it over). The fold moves each event out rather than copying it from an
/// array and destroying the array's copy afterwards: for an enum with payloads that copy and the
/// extra destroy were a fifth of folding a log.
fileprivate final class EventChunk: @unchecked Sendable {
    /// `capacity` slots for each half, the `orders` half's first.
    private let events: UnsafeMutablePointer<DomainEvent>
    private let capacity: Int
    /// Events initialized at the start of each half's slots, by `Half.rawValue`; set by
    /// `Filling.finish` and `moveOutEach(of:_:)`. Each half's thread writes only its own.
    private var counts: UnsafeMutablePointer<Int>
    /// Halves that have folded this chunk since it was filled; guarded by `DecodedChunks`' lock.
    var halvesFolded = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        let halves = DomainStates.Half.allCases.count
        events = .allocate(capacity: capacity * halves)
        counts = .allocate(capacity: halves)
        counts.initialize(repeating: 0, count: halves)
    }

    deinit {
        for half in DomainStates.Half.allCases { start(of: half).deinitialize(count: counts[half.rawValue]) }
        events.deallocate()
        counts.deallocate()
    }

    var isEmpty: Bool { DomainStates.Half.allCases.allSatisfy { counts[$0.rawValue] == 0 } }

    private func start(of half: DomainStates.Half) -> UnsafeMutablePointer<DomainEvent> {
        events + half.rawValue * capacity
    }

    /// Hands each event of `half` to `body` in order, moving it out, and leaves that half empty.
    func moveOutEach(of half: DomainStates.Half, _ body: (consuming DomainEvent) -> Void) {
        let taken = counts[half.rawValue]
        counts[half.rawValue] = 0
        let first = start(of: half)
        for index in 0..<taken { body((first + index).move()) }
    }

    /// A decoding thread's place in the chunk it fills. Appending writes through the pointers it
    /// holds, so it touches no reference count; the chunk learns its counts when the filling finishes.
    struct Filling {
        private let chunk: EventChunk
        private var ordersNext: UnsafeMutablePointer<DomainEvent>
        private var fulfilmentNext: UnsafeMutablePointer<DomainEvent>

        init(_ chunk: EventChunk) {
            precondition(chunk.isEmpty)
            self.chunk = chunk
            ordersNext = chunk.start(of: .orders)
            fulfilmentNext = chunk.start(of: .fulfilment)
        }

        mutating func append(_ event: consuming DomainEvent) {
            switch DomainStates.Half(of: event) {
            case .orders:
                precondition(ordersNext < chunk.start(of: .orders) + chunk.capacity)
                ordersNext.initialize(to: event)
                ordersNext += 1
            case .fulfilment:
                precondition(fulfilmentNext < chunk.start(of: .fulfilment) + chunk.capacity)
                fulfilmentNext.initialize(to: event)
                fulfilmentNext += 1
            }
        }

        /// The chunk filled so far, with its counts, for the folds.
        func finish() -> EventChunk {
            chunk.counts[DomainStates.Half.orders.rawValue] = ordersNext - chunk.start(of: .orders)
            chunk.counts[DomainStates.Half.fulfilment.rawValue] = fulfilmentNext - chunk.start(of: .fulfilment)
            return chunk
        }
    }
}
