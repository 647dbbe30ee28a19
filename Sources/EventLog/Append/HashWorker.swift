import Crypto
import Dispatch
import Synchronization

/// A second thread that extends a batch's SHA-256 over staged record blocks while the writer goes
/// on encoding and putting records: the hash chain's cost leaves the writer's critical path.
///
/// Protocol (writer thread only): `begin`, then any number of `submit`, then `drain`, which waits
/// for every submitted block and hands the hasher back. Between `submit` and `drain` the worker
/// alone touches `hasher`; the semaphores order those accesses.
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
        WriterThread { self.run() }.start()
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

    /// Waits until every submitted block is hashed and returns the hasher.
    func drain() -> SHA256 {
        for _ in 0..<submittedCount { completed.wait() }
        submittedCount = 0
        return hasher
    }

    /// Stops the thread; call once, after the last `drain`.
    func close() {
        closed.store(true, ordering: .releasing)
        available.signal()
        stopped.wait()
    }

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
