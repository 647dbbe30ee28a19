import Dispatch
import Foundation
import Synchronization
import Testing

@testable import OrderEngine

/// The engine's group commit: every caller gets its own outcomes, in order; batches keep their
/// bound; a full or closed queue refuses at once.
@Suite struct CommandQueueTests {
    private static func command(_ index: Int) -> EngineCommand {
        EngineCommand(actor: "staff:test", command: .catalog(SKUID(stringLiteral: "sku-\(index)"), .list(at: Timestamp(microsecondsSince1970: 0))))
    }

    /// Answers each command with an outcome naming it, and records each batch's size.
    private final class EchoCommit: Sendable {
        let batchSizes = Mutex<[Int]>([])
        let entered = Atomic<Bool>(false)
        let gate = DispatchSemaphore(value: 0)
        let gated: Bool

        init(gated: Bool = false) {
            self.gated = gated
        }

        func commit(_ commands: [EngineCommand]) -> [CommandQueue.Outcome] {
            entered.store(true, ordering: .releasing)
            if gated { gate.wait() }
            batchSizes.withLock { $0.append(commands.count) }
            return commands.map { .success(CommandOutcome(commandId: $0.id, positions: 0..<0, events: [], duplicate: false)) }
        }
    }

    @Test func everyCallerGetsItsOwnOutcomesInOrder() async {
        let echo = EchoCommit()
        let queue = CommandQueue(queuedCommandCountMax: 1_000, batchCommandCountMax: 16) { echo.commit($0) }
        defer { queue.close() }
        await withTaskGroup(of: Bool.self) { group in
            for caller in 0..<50 {
                group.addTask {
                    if caller % 2 == 0 {
                        let command = Self.command(caller)
                        return (try? await queue.submit(command).get().commandId) == command.id
                    }
                    let commands = (0..<5).map { Self.command(caller * 10 + $0) }
                    let outcomes = await queue.submit(commands)
                    return outcomes.map { try? $0.get().commandId } == commands.map(\.id)
                }
            }
            for await matched in group { #expect(matched) }
        }
        let sizes = echo.batchSizes.withLock { $0 }
        let largest = sizes.max() ?? 0
        let total = sizes.reduce(0, +)
        #expect(largest <= 16)
        #expect(total == 150)
    }

    @Test func anOversizedSubmissionIsStillAnswered() async {
        let echo = EchoCommit()
        let queue = CommandQueue(queuedCommandCountMax: 1_000, batchCommandCountMax: 4) { echo.commit($0) }
        defer { queue.close() }
        let outcomes = await queue.submit((0..<10).map(Self.command))
        let answered = outcomes.filter { (try? $0.get()) != nil }.count
        #expect(answered == 10)
    }

    @Test func aFullQueueRefusesAtOnce() async {
        let echo = EchoCommit(gated: true)
        let queue = CommandQueue(queuedCommandCountMax: 3, batchCommandCountMax: 100) { echo.commit($0) }
        let first = Task { await queue.submit(Self.command(0)) }
        while !echo.entered.load(ordering: .acquiring) { await Task.yield() }
        let waiting = Task { await queue.submit((1...3).map(Self.command)) }
        while queue.queuedCommandCount < 3 { await Task.yield() }
        let refused = await queue.submit(Self.command(9))
        #expect(refused == .failure(.overloaded))
        echo.gate.signal()
        echo.gate.signal()
        let firstOutcome = await first.value
        #expect((try? firstOutcome.get()) != nil)
        let waitingAnswered = await waiting.value.filter { (try? $0.get()) != nil }.count
        #expect(waitingAnswered == 3)
        queue.close()
    }

    @Test func aClosedQueueRefusesAndTheQueuedAreStillAnswered() async {
        let echo = EchoCommit()
        let queue = CommandQueue(queuedCommandCountMax: 100, batchCommandCountMax: 100) { echo.commit($0) }
        let accepted = await queue.submit(Self.command(1))
        #expect((try? accepted.get()) != nil)
        queue.close()
        let one = await queue.submit(Self.command(2))
        #expect(one == .failure(.closed))
        let many = await queue.submit([Self.command(3)])
        #expect(many == [.failure(.closed)])
    }
}
