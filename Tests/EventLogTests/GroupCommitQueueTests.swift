import Dispatch
import Foundation
import Synchronization
import Testing

@testable import EventLog

/// Who commits what: a caller that finds the queue idle commits on its own thread; whatever
/// arrives during a commit waits and goes to the writer thread as one batch; closing waits for a
/// commit in progress.
@Suite("Group commit queue")
struct GroupCommitQueueTests {
    @Test func aLoneSubmissionIsCommittedOnTheCallersThread() async {
        let recorder = CommitRecorder()
        let queue = recorder.queue()
        defer { queue.close() }

        let outcomes = await queue.submit([1, 2, 3])

        #expect(outcomes == [10, 20, 30])
        #expect(recorder.batches.map(\.items) == [[1, 2, 3]])
        #expect(recorder.batches.map(\.threadName) != ["group-commit"])
    }

    @Test func refusesASubmissionLargerThanTheQueueEvenWhenIdle() async {
        let recorder = CommitRecorder()
        let queue = recorder.queue()
        defer { queue.close() }

        let outcomes = await queue.submit(Array(0...CommitRecorder.queuedItemCountMax))

        #expect(outcomes == Array(repeating: -1, count: CommitRecorder.queuedItemCountMax + 1))
        #expect(recorder.batches.isEmpty)
        #expect(await queue.submit([4]) == [40])
    }

    @Test func submissionsDuringACommitWaitAndGoToTheWriterThreadAsOneBatch() async throws {
        let recorder = CommitRecorder()
        recorder.holdFirstCommit()
        let queue = recorder.queue()
        defer { queue.close() }

        let first = Task(executorPreference: BlockableExecutor()) { await queue.submit([0]) }
        try await recorder.waitUntilFirstCommitStarts()
        let later = (1...5).map { item in Task { await queue.submit([item]) } }
        try await waitUntil { queue.queuedItemCount == 5 }
        #expect(recorder.batches.isEmpty)
        recorder.releaseFirstCommit()

        #expect(await first.value == [0])
        for (item, task) in zip(1..., later) { #expect(await task.value == [item * 10]) }
        let batches = recorder.batches
        #expect(batches.map { Set($0.items) } == [[0], [1, 2, 3, 4, 5]])
        #expect(batches.map(\.threadName).last == "group-commit")
        #expect(batches.map(\.threadName).first != "group-commit")
    }

    @Test func closingWaitsForACallersCommitThenRefuses() async throws {
        let recorder = CommitRecorder()
        recorder.holdFirstCommit()
        let queue = recorder.queue()

        let first = Task(executorPreference: BlockableExecutor()) { await queue.submit([7]) }
        try await recorder.waitUntilFirstCommitStarts()
        DispatchQueue.global().async {
            queue.close()
            recorder.note("closed")
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(recorder.notes.isEmpty)
        recorder.releaseFirstCommit()

        #expect(await first.value == [70])
        try await waitUntil { recorder.notes.contains("closed") }
        #expect(recorder.notes == ["committed", "closed"])
        #expect(await queue.submit([8]) == [-1])
        #expect(recorder.batches.map(\.items) == [[7]])
    }

    /// Polls `condition` (other tasks and threads make it true) for up to ten seconds.
    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<10_000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        Issue.record("the condition never held")
    }
}

/// A queue whose commit answers each item with ten times it (a refusal with -1) and records each
/// batch with the name of the thread that committed it; the first commit can be held until the
/// test releases it.
private final class CommitRecorder: Sendable {
    struct Batch: Sendable {
        var items: [Int]
        var threadName: String
    }

    private struct State {
        var batches: [Batch] = []
        var notes: [String] = []
        var holdsFirst = false
        var firstStarted = false
    }

    private let state = Mutex(State())
    private let release = DispatchSemaphore(value: 0)

    var batches: [Batch] { state.withLock { $0.batches } }
    var notes: [String] { state.withLock { $0.notes } }

    static let queuedItemCountMax = 100

    func queue() -> GroupCommitQueue<Int, Int> {
        GroupCommitQueue(
            queuedItemCountMax: Self.queuedItemCountMax,
            batchWeightMax: 100,
            weight: { _ in 1 },
            refusal: { _ in -1 },
            commit: { items in self.commit(items) }
        )
    }

    func holdFirstCommit() { state.withLock { $0.holdsFirst = true } }
    func releaseFirstCommit() { release.signal() }
    func note(_ note: String) { state.withLock { $0.notes.append(note) } }

    func waitUntilFirstCommitStarts() async throws {
        for _ in 0..<10_000 {
            if state.withLock({ $0.firstStarted }) { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        Issue.record("the first commit never started")
    }

    private func commit(_ items: [Int]) -> [Int] {
        let hold = state.withLock { state in
            defer { state.firstStarted = true }
            return state.holdsFirst && !state.firstStarted
        }
        if hold { release.wait() }
        state.withLock { state in
            state.batches.append(Batch(items: items, threadName: currentThreadName()))
            state.notes.append("committed")
        }
        return items.map { $0 * 10 }
    }
}

private func currentThreadName() -> String {
    #if os(Linux)
    let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
    return name.trimmingCharacters(in: .newlines)
    #else
    var name = [CChar](repeating: 0, count: 64)
    pthread_getname_np(pthread_self(), &name, name.count)
    return String(cString: name)
    #endif
}

/// Runs its tasks on a Dispatch queue of its own, so a test may block one in a commit without
/// taking a thread from the cooperative pool.
private final class BlockableExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "blockable-executor")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
