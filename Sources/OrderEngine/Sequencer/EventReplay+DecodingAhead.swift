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
    /// `chunkEventCountMax` positions. A second thread scans, checks checksums and decodes chunk
    /// after chunk; this one folds them in order and, whenever the next chunk is not decoded yet,
    /// decodes a chunk further on itself rather than wait. Decoding takes longer than folding, so
    /// with the decoding on one thread the fold waited about two fifths of the time. The first
    /// error is thrown after the events before it were folded, as in `fold`.
    ///
    /// The orders, payments and parcels tables are sized first from the number of stored order
    /// views (see `DomainStates.reserveCapacity(orders:)`), so the fold does not grow them one
    /// doubling at a time: growing the orders table was over a third of folding a log of new
    /// orders. Each stock item's open holds likewise, from its stored inventory counts. A count that
    /// is off costs time or address space, never a wrong state.
    static func statesDecodingAhead(
        from log: LMDBEventLog, through endPosition: UInt64, codec: EventCodec
    ) throws -> DomainStates {
        var states = DomainStates()
        let orderCount = try OrderStatusProjection.storedOrderCount(log, atMost: endPosition)
        states.reserveCapacity(orders: orderCount)
        var holdBounds = try InventoryProjection.storedHoldBounds(log, countMin: holdTableCountMin, countMax: orderCount)
        let chunks = DecodedChunks(endPosition: endPosition, aheadMax: chunksAheadMax)
        let decode: @Sendable (Int) -> DecodedChunk = { index in
            decodeChunk(index, of: log, through: endPosition, codec: codec, into: chunks.emptyChunk())
        }
        let decoder = Thread {
            while let index = chunks.claim() { chunks.put(decode(index), at: index) }
            chunks.decoderExited()
        }
        decoder.start()
        // The decoder reads the log until it has stopped; the caller may close the log after this.
        defer { chunks.stop() }
        var index = 0
        while let decoded = chunks.take(index, decodingMeanwhile: decode) {
            decoded.events.moveOutEach { event in states.apply(consume event) }
            chunks.recycle(decoded.events)
            if let failure = decoded.failure { throw failure }
            if !holdBounds.isEmpty {
                // An item's table is sized in the chunk where its stock first appears.
                holdBounds = holdBounds.filter { item, count in !states.reserveCapacity(reservations: count, in: item) }
            }
            index += 1
        }
        return states
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

/// One chunk's events, and the error that ended it early, if one did.
private struct DecodedChunk: @unchecked Sendable {
    let events: EventChunk
    let failure: (any Error)?
}

/// The chunks of one replay, between the decoding thread and the folding thread. Either thread
/// claims the next chunk not yet claimed and decodes it; the folder takes them in order. At most
/// `aheadMax` chunks are claimed beyond the next one to fold, which bounds the memory decoded
/// ahead. Folded chunks come back empty to be filled again, so their buffers are not allocated,
/// faulted in and freed once per chunk.
private final class DecodedChunks: @unchecked Sendable {
    private let condition = NSCondition()
    private let chunkCount: Int
    private let aheadMax: Int
    // Guarded by `condition`.
    private var nextToClaim = 0
    private var nextToFold = 0
    private var decoded: [Int: DecodedChunk] = [:]
    private var emptyChunks: [EventChunk] = []
    private var stopped = false
    private var decoderRunning = true

    init(endPosition: UInt64, aheadMax: Int) {
        precondition(aheadMax > 0)
        let size = UInt64(EventReplay.chunkEventCountMax)
        chunkCount = Int((endPosition + size - 1) / size)
        self.aheadMax = aheadMax
    }

    /// The decoder's next chunk, once there is room ahead of the fold; nil when every chunk is
    /// claimed or the fold has stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextToClaim < chunkCount && nextToClaim - nextToFold >= aheadMax { condition.wait() }
        guard !stopped && nextToClaim < chunkCount else { return nil }
        nextToClaim += 1
        return nextToClaim - 1
    }

    func put(_ chunk: DecodedChunk, at index: Int) {
        condition.lock()
        defer { condition.unlock() }
        decoded[index] = chunk
        condition.broadcast()
    }

    /// Chunk `index` once decoded; nil past the last. While it is not decoded yet, decodes the next
    /// unclaimed chunk with `decode` (outside the lock) when there is room ahead, else waits.
    func take(_ index: Int, decodingMeanwhile decode: (Int) -> DecodedChunk) -> DecodedChunk? {
        condition.lock()
        defer { condition.unlock() }
        precondition(index == nextToFold)
        guard index < chunkCount else { return nil }
        while true {
            if let chunk = decoded.removeValue(forKey: index) {
                nextToFold = index + 1
                condition.broadcast()
                return chunk
            }
            if nextToClaim < chunkCount && nextToClaim - index < aheadMax {
                let claimed = nextToClaim
                nextToClaim += 1
                condition.unlock()
                let chunk = decode(claimed)
                condition.lock()
                decoded[claimed] = chunk
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

    /// Gives back a folded chunk, emptied, to be filled again.
    func recycle(_ chunk: EventChunk) {
        precondition(chunk.isEmpty)
        condition.lock()
        defer { condition.unlock() }
        emptyChunks.append(chunk)
    }

    func decoderExited() {
        condition.lock()
        defer { condition.unlock() }
        decoderRunning = false
        condition.broadcast()
    }

    /// Has the decoder claim nothing more, and waits until it has left the log.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while decoderRunning { condition.wait() }
    }
}

/// Up to `capacity` decoded events in log order, filled by whichever thread claimed its chunk and
/// emptied by the folding thread, one thread at a time (`DecodedChunks` hands it over). The fold moves each event out
/// rather than copying it from an array and destroying the array's copy afterwards: for an enum
/// with payloads that copy and the extra destroy were a fifth of folding a log.
fileprivate final class EventChunk: @unchecked Sendable {
    private let events: UnsafeMutablePointer<DomainEvent>
    private let capacity: Int
    /// Events initialized from `events` on; set by `Filling.finish` and `moveOutEach`.
    private var count = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        events = .allocate(capacity: capacity)
    }

    deinit {
        events.deinitialize(count: count)
        events.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Hands each event to `body` in order, moving it out, and leaves the chunk empty.
    func moveOutEach(_ body: (consuming DomainEvent) -> Void) {
        let taken = count
        count = 0
        for index in 0..<taken { body((events + index).move()) }
    }

    /// A decoding thread's place in the chunk it fills. Appending writes through a pointer it holds, so
    /// it touches no reference count; the chunk learns its count when the filling finishes.
    struct Filling {
        private let chunk: EventChunk
        private var next: UnsafeMutablePointer<DomainEvent>
        private let end: UnsafeMutablePointer<DomainEvent>

        init(_ chunk: EventChunk) {
            precondition(chunk.isEmpty)
            self.chunk = chunk
            next = chunk.events
            end = chunk.events + chunk.capacity
        }

        mutating func append(_ event: consuming DomainEvent) {
            precondition(next < end)
            next.initialize(to: event)
            next += 1
        }

        /// The chunk filled so far, with its count, for the fold.
        func finish() -> EventChunk {
            chunk.count = next - chunk.events
            return chunk
        }
    }
}
