import EventLog
import Foundation
import OrderDomain

extension EventReplay {
    /// Events one decoded chunk holds at most.
    static let chunkEventCountMax = 1024
    /// Chunks decoded and not yet folded, at most: bounds the memory held ahead of the fold.
    static let chunksAheadMax = 16

    /// Folds every event from the start of the log through `endPosition` into fresh states, as
    /// `states(from:through:codec:)` does, on two threads: a second one scans, checks checksums and
    /// decodes, while this one folds. A replay of a whole log spends about as long decoding as
    /// folding, so the two overlap on two cores. The first error is thrown after the events before
    /// it were folded, as in `fold`.
    ///
    /// The orders, payments and parcels tables are sized first from the number of stored order
    /// views (see `DomainStates.reserveCapacity(orders:)`), so the fold does not grow them one
    /// doubling at a time: growing the orders table was over a third of folding a log of new
    /// orders. A count that is off costs time or address space, never a wrong state.
    static func statesDecodingAhead(
        from log: LMDBEventLog, through endPosition: UInt64, codec: EventCodec
    ) throws -> DomainStates {
        var states = DomainStates()
        states.reserveCapacity(orders: try OrderStatusProjection.storedOrderCount(log, atMost: endPosition))
        let chunks = DecodedChunks(capacity: chunksAheadMax)
        let decoder = Thread {
            var filling = EventChunk.Filling(chunks.emptyChunk())
            do {
                try log.scan(fromPosition: 1, through: endPosition, checkingChecksums: true) { position, view in
                    do {
                        filling.append(try codec.decode(view))
                    } catch {
                        throw EngineError.undecodableEvent(position: position, problem: "\(error)")
                    }
                    if filling.isFull { chunks.put(filling.restart(with: chunks.emptyChunk())) }
                    return true
                }
                let last = filling.finish()
                if !last.isEmpty { chunks.put(last) }
                chunks.finish(failure: nil)
            } catch {
                _ = filling.finish()
                chunks.finish(failure: error)
            }
        }
        decoder.start()
        while let chunk = try chunks.take() {
            chunk.moveOutEach { event in states.apply(consume event) }
            chunks.recycle(chunk)
        }
        return states
    }
}

/// A bounded queue of decoded chunks from one decoding thread to one folding thread; the decoder
/// waits while it is full, the folder while it is empty. Folded chunks come back empty for the
/// decoder to fill again, so their buffers are not allocated, faulted in and freed once per chunk.
private final class DecodedChunks: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var chunks: [EventChunk] = []
    private var emptyChunks: [EventChunk] = []
    private var finished = false
    private var failure: (any Error)?

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    func put(_ chunk: EventChunk) {
        condition.lock()
        defer { condition.unlock() }
        precondition(!finished)
        while chunks.count >= capacity { condition.wait() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// An empty chunk with room for a full one: a folded one when there is one.
    func emptyChunk() -> EventChunk {
        condition.lock()
        let recycled = emptyChunks.popLast()
        condition.unlock()
        return recycled ?? EventChunk(capacity: EventReplay.chunkEventCountMax)
    }

    /// Gives back a folded chunk, emptied, for the decoder to fill again.
    func recycle(_ chunk: EventChunk) {
        precondition(chunk.isEmpty)
        condition.lock()
        defer { condition.unlock() }
        emptyChunks.append(chunk)
    }

    /// No more chunks: the log's end was reached, or `failure` stopped the decoder.
    func finish(failure: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        self.failure = failure
        condition.broadcast()
    }

    /// The next chunk in log order; nil after the last, or the decoder's error once every chunk
    /// before it was taken.
    func take() throws -> EventChunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }
}

/// Up to `capacity` decoded events in log order, filled by the decoding thread and emptied by the
/// folding thread, one thread at a time (the queue hands it over). The fold moves each event out
/// rather than copying it from an array and destroying the array's copy afterwards: for an enum
/// with payloads that copy and the extra destroy were a fifth of folding a log.
private final class EventChunk: @unchecked Sendable {
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

    /// The decoder's place in the chunk it fills. Appending writes through a pointer it holds, so
    /// it touches no reference count; the chunk learns its count when the filling finishes.
    struct Filling {
        private var chunk: EventChunk
        private var next: UnsafeMutablePointer<DomainEvent>
        private var end: UnsafeMutablePointer<DomainEvent>

        init(_ chunk: EventChunk) {
            precondition(chunk.isEmpty)
            self.chunk = chunk
            next = chunk.events
            end = chunk.events + chunk.capacity
        }

        var isFull: Bool { next == end }

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

        /// Finishes this chunk and goes on filling `empty`.
        mutating func restart(with empty: EventChunk) -> EventChunk {
            let filled = finish()
            self = Filling(empty)
            return filled
        }
    }
}
