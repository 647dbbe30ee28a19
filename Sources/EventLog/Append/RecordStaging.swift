import Crypto

/// Where a batch's records are encoded before LMDB copies them: end to end, in position order, in
/// reusable blocks. The concatenation is exactly what the batch's chain link hashes; full blocks
/// go to the `HashWorker` (when there is one) while the writer fills the next.
///
/// Owned by one writer at a time (whoever holds the LMDB log's `writer` or the in-memory log's
/// lock), hence `@unchecked Sendable`. Blocks stay valid until `reset`, which the writer calls
/// after the batch's transaction has committed or aborted.
final class RecordStaging: @unchecked Sendable {
    /// Small enough that a batch of a thousand events spreads over several blocks and the worker
    /// hashes while the writer writes; large enough that hand-offs stay rare.
    static let blockBytes = 32 << 10

    private let worker: HashWorker?
    private var freeBlocks: [UnsafeMutableRawBufferPointer] = []
    private var batchBlocks: [UnsafeMutableRawBufferPointer] = []
    private var current: UnsafeMutableRawBufferPointer?
    private var currentUsedBytes = 0
    private var inlineHasher = SHA256()
    private var submittedAny = false

    /// With `hashingInParallel`, a worker thread hashes full blocks.
    init(hashingInParallel: Bool) {
        worker = hashingInParallel ? HashWorker() : nil
    }

    deinit {
        worker?.close()
        for block in freeBlocks + batchBlocks { block.deallocate() }
    }

    func begin(previousHash: [UInt8]) {
        precondition(batchBlocks.isEmpty && current == nil, "reset the previous batch first")
        inlineHasher = SHA256()
        inlineHasher.update(data: previousHash)
        worker?.begin(previousHash: previousHash)
        submittedAny = false
    }

    /// Space for the next record, `byteCount` bytes, right after the previous one.
    func stage(byteCount: Int) -> UnsafeMutableRawBufferPointer {
        if let current, currentUsedBytes + byteCount <= current.count {
            defer { currentUsedBytes += byteCount }
            return UnsafeMutableRawBufferPointer(rebasing: current[currentUsedBytes..<(currentUsedBytes + byteCount)])
        }
        sealCurrent(full: true)
        let block = byteCount <= Self.blockBytes ? takeBlock() : .allocate(byteCount: byteCount, alignment: 16)
        batchBlocks.append(block)
        current = block
        currentUsedBytes = byteCount
        return UnsafeMutableRawBufferPointer(rebasing: block[0..<byteCount])
    }

    /// The hash of the previous link followed by every staged record.
    func finish() -> [UInt8] {
        if let worker, submittedAny {
            let last = current.map { UnsafeRawBufferPointer(rebasing: $0[0..<currentUsedBytes]) }
            current = nil
            submittedAny = false
            return Array(worker.drain(then: last).finalize())
        }
        sealCurrent(full: false)
        return Array(inlineHasher.finalize())
    }

    /// Returns the batch's blocks for reuse.
    func reset() {
        if let worker, submittedAny { worker.abandon() }
        for block in batchBlocks {
            if block.count == Self.blockBytes { freeBlocks.append(block) } else { block.deallocate() }
        }
        batchBlocks.removeAll(keepingCapacity: true)
        current = nil
        currentUsedBytes = 0
        submittedAny = false
    }

    /// Hands the filled part of the current block on: to the worker once hashing has gone there
    /// (order matters), or when the block is full; otherwise, hashes it here.
    private func sealCurrent(full: Bool) {
        guard let current, currentUsedBytes > 0 else { return }
        let filled = UnsafeRawBufferPointer(rebasing: current[0..<currentUsedBytes])
        self.current = nil
        if let worker, full || submittedAny {
            submittedAny = true
            worker.submit(filled)
        } else {
            inlineHasher.update(bufferPointer: filled)
        }
    }

    private func takeBlock() -> UnsafeMutableRawBufferPointer {
        freeBlocks.popLast() ?? .allocate(byteCount: Self.blockBytes, alignment: 16)
    }
}
