import Crypto
import Dispatch
import Synchronization

/// A second thread that extends a batch's SHA-256 over staged record blocks while the writer goes
/// on encoding and putting records: the hash chain's cost leaves the writer's critical path.
///
/// Protocol (the committing thread only): `begin`, then any number of `submit`, then `drain`. `drain`
/// takes back the blocks the worker has not started, waits for the one it may be hashing, and
/// hashes the rest on the writer: when the worker gets no CPU (a busy machine), the writer never
/// waits for it to be scheduled, and the batch's last block never makes a round trip. Between
/// `submit` and `drain` the worker alone touches `hasher`; the queue's lock and the semaphore
/// order those accesses.
final class HashWorker: @unchecked Sendable {
    private struct Block: @unchecked Sendable {
        var bytes: UnsafeRawBufferPointer
    }

    private let queue = Mutex<[Block]>([])
    private let available = DispatchSemaphore(value: 0)
    private let completed = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private let closed = Atomic<Bool>(false)
    private var hasher = SHA256()
    private var submittedCount = 0

    init() {
        WriterThread(name: "log-hash") { self.run() }.start()
    }

    /// Starts a batch's hash from the previous link.
    func begin(previousHash: [UInt8]) {
        precondition(submittedCount == 0, "a batch is still being hashed")
        hasher = SHA256()
        hasher.update(data: previousHash)
    }

    /// Queues a block; its bytes must stay valid and unchanged until `drain` returns.
    func submit(_ bytes: UnsafeRawBufferPointer) {
        queue.withLock { $0.append(Block(bytes: bytes)) }
        submittedCount += 1
        available.signal()
    }

    /// Returns the hasher extended over every submitted block and then over `last`: hashes on the
    /// calling thread what the worker has not started.
    func drain(then last: UnsafeRawBufferPointer?) -> SHA256 {
        for block in takeBackUnstarted() { hasher.update(bufferPointer: block.bytes) }
        if let last { hasher.update(bufferPointer: last) }
        return hasher
    }

    /// Ends a batch whose hash is not needed (its transaction failed): drops what the worker has
    /// not started and waits for what it has.
    func abandon() {
        _ = takeBackUnstarted()
    }

    /// Empties the queue and waits until the worker has finished every block it took from it.
    private func takeBackUnstarted() -> [Block] {
        let unstarted = queue.withLock { queue in
            defer { queue = [] }
            return queue
        }
        for _ in 0..<(submittedCount - unstarted.count) { completed.wait() }
        submittedCount = 0
        return unstarted
    }

    /// Stops the thread; call once, after the last `drain`.
    func close() {
        closed.store(true, ordering: .releasing)
        available.signal()
        stopped.wait()
    }

    /// Every `submit` signals `available` once, but `drain` may take the block back first: a
    /// wakeup that finds the queue empty is one of those and is skipped.
    private func run() {
        while true {
            available.wait()
            guard let block = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
                if closed.load(ordering: .acquiring) {
                    stopped.signal()
                    return
                }
                continue
            }
            hasher.update(bufferPointer: block.bytes)
            completed.signal()
        }
    }
}
