import Dispatch
import EventLog
import Foundation
import Synchronization

/// The thread that commits the sequencer's batches, one at a time, while the sequencer decides
/// the next: the write transaction, its fsync and the answers to the batch's callers run here,
/// beside the deciding instead of after it.
///
/// One batch at most is in flight: `start` hands one over, `wait` returns once it is done (with
/// the failure that stopped it, if any). The sequencer calls `wait` before it starts the next.
final class BatchCommitter: Sendable {
    typealias Job = @Sendable () -> EventLogError?

    private struct Slot {
        var job: Job?
        /// The job done last, released when the next one starts.
        var finished: Job?
        /// The failure of the job done last, until it is waited for.
        var failure: EventLogError?
        var running = false
        var closed = false
    }

    private let slot = Mutex(Slot())
    private let jobReady = DispatchSemaphore(value: 0)
    private let jobDone = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    init() {
        let thread = Thread { [self] in
            run()
            stopped.signal()
        }
        thread.name = "order-engine-committer"
        thread.start()
    }

    /// Runs `job` on the committer's thread. The job before it must have been waited for.
    func start(_ job: @escaping Job) {
        slot.withLock { slot in
            precondition(!slot.running && !slot.closed, "a batch is already in flight, or the committer is closed")
            slot.job = job
            slot.running = true
        }
        jobReady.signal()
    }

    /// Waits for the started job and returns its failure; nil at once when none was started.
    func wait() -> EventLogError? {
        guard slot.withLock({ $0.running }) else { return nil }
        jobDone.wait()
        return slot.withLock { slot in
            defer { (slot.running, slot.failure) = (false, nil) }
            return slot.failure
        }
    }

    /// Stops the thread once the job in flight, if any, is done.
    func close() {
        _ = wait()
        let first = slot.withLock { slot in
            defer { slot.closed = true }
            return !slot.closed
        }
        guard first else { return }
        jobReady.signal()
        stopped.wait()
    }

    private func run() {
        while true {
            jobReady.wait()
            // The last job was kept until now, so that what it captured (a whole batch: events,
            // views, rows) is freed on this thread rather than on the sequencer's.
            let (job, finished) = slot.withLock { slot in
                defer { (slot.job, slot.finished) = (nil, nil) }
                return (slot.job, slot.finished)
            }
            withExtendedLifetime(finished) {}
            guard let job else { return }
            let failure = job()
            slot.withLock { (slot) in (slot.finished, slot.failure) = (job, failure) }
            jobDone.signal()
        }
    }
}
