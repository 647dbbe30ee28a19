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
            do {
                var chunk = chunks.emptyChunk()
                try log.scan(fromPosition: 1, through: endPosition, checkingChecksums: true) { position, view in
                    do {
                        chunk.append(try codec.decode(view))
                    } catch {
                        throw EngineError.undecodableEvent(position: position, problem: "\(error)")
                    }
                    if chunk.count == chunkEventCountMax {
                        chunks.put(chunk)
                        chunk = chunks.emptyChunk()
                    }
                    return true
                }
                if !chunk.isEmpty { chunks.put(chunk) }
                chunks.finish(failure: nil)
            } catch {
                chunks.finish(failure: error)
            }
        }
        decoder.start()
        while var chunk = try chunks.take() {
            for event in chunk { states.apply(event) }
            chunk.removeAll(keepingCapacity: true)
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
    private var chunks: [[DomainEvent]] = []
    private var emptyChunks: [[DomainEvent]] = []
    private var finished = false
    private var failure: (any Error)?

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    func put(_ chunk: [DomainEvent]) {
        condition.lock()
        defer { condition.unlock() }
        precondition(!finished)
        while chunks.count >= capacity { condition.wait() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// An empty chunk with room for a full one: a folded one when there is one.
    func emptyChunk() -> [DomainEvent] {
        condition.lock()
        let recycled = emptyChunks.popLast()
        condition.unlock()
        if let recycled { return recycled }
        var chunk: [DomainEvent] = []
        chunk.reserveCapacity(EventReplay.chunkEventCountMax)
        return chunk
    }

    /// Gives back a folded chunk, emptied, for the decoder to fill again.
    func recycle(_ chunk: [DomainEvent]) {
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
    func take() throws -> [DomainEvent]? {
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
