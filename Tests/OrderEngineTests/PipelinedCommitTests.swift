import EventLog
import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

/// The sequencer decides a batch while the batch before it commits. A failed commit must fail the
/// batch decided on top of it too, and leave memory as the log has it; a repeat of a command that
/// is still being committed must get that command's outcome, not a second decision.
@Suite("Pipelined commit")
struct PipelinedCommitTests {
    @Test
    func aBatchDecidedOnTopOfAFailedCommitFailsTooAndMemoryKeepsToTheLog() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-pipeline-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock()
        var engine = try OrderEngine(path: path, options: fullingUpOptions(clock: clock), logger: quietLogger)
        let at = Timestamp(microsecondsSince1970: clock.nowMicroseconds())
        let item = StockItemID(sku: "hot", warehouse: "w1")
        // Many concurrent writers, so that batches are decided while others commit when the map
        // fills up. Each stops at its first failure.
        let acknowledged = await withTaskGroup(of: (received: Int64, failures: [EngineError]).self) { group in
            for writer in 0..<32 {
                group.addTask { [engine] in
                    var received: Int64 = 0
                    for round in 0..<100_000 {
                        do {
                            try await registerPaddedSKUAndReceiveOne(engine, sku: "sku-\(writer)-\(round)", item: item, at: at)
                            received += 1
                        } catch let error as EngineError {
                            return (received, [error])
                        } catch {
                            preconditionFailure("not an engine error: \(error)")
                        }
                    }
                    return (received, [])
                }
            }
            var total: (received: Int64, failures: [EngineError]) = (0, [])
            for await result in group {
                total.received += result.received
                total.failures += result.failures
            }
            return total
        }
        #expect(acknowledged.failures.count == 32)
        for failure in acknowledged.failures {
            guard case .log(.storageFull) = failure else {
                Issue.record("expected storageFull, got \(failure)")
                return
            }
        }
        // Memory holds exactly the acknowledged units: one more cannot be taken out. The first
        // try may itself be decided on top of the last failed batch (its failure reaches the
        // sequencer only then) and fail with it; by the second, memory has been read back.
        let tooMany = EngineCommand(
            actor: "staff:test", command: .stock(item, .adjust(delta: -(acknowledged.received + 1), reason: .shrinkage, at: at)))
        var answer = await engine.execute(contentsOf: [tooMany])[0]
        if case .failure(.log(.storageFull)) = answer {
            answer = await engine.execute(contentsOf: [EngineCommand(actor: "staff:test", command: tooMany.command)])[0]
        }
        guard case .failure(.refused) = answer else {
            Issue.record("taking out more than the acknowledged units was not refused: \(answer)")
            return
        }
        // ... and no fewer: taking out exactly those is decided possible (its write may then fail,
        // the log being full, or fit).
        let all = EngineCommand(
            actor: "staff:test", command: .stock(item, .adjust(delta: -acknowledged.received, reason: .shrinkage, at: at)))
        var expectedOnHand = acknowledged.received
        switch await engine.execute(contentsOf: [all])[0] {
        case .success:
            expectedOnHand = 0
        case .failure(.log(.storageFull)):
            break
        case .failure(let other):
            Issue.record("taking out the acknowledged units was not decided possible: \(other)")
            return
        }
        engine.close()
        engine = try OrderEngine(
            path: path, options: EngineOptions(durability: .none, mapSizeBytesMax: 1 << 30, clock: clock), logger: quietLogger)
        defer { engine.close() }
        #expect(try engine.stock(item).onHand == expectedOnHand)
        #expect(try engine.log.verify().ok)
    }

    @Test
    func aRepeatOfACommandBeingCommittedGetsItsOutcome() async throws {
        let fixture = try EngineFixture()
        let at = Timestamp(microsecondsSince1970: fixture.clock.nowMicroseconds())
        let item = StockItemID(sku: "hot", warehouse: "w1")
        let commands = (0..<200).map { _ in EngineCommand(actor: "staff:test", command: .stock(item, .receive(quantity: 1, at: at))) }
        // Every command sent twice, by separate callers, so that many repeats land in the batch
        // after their first copy's while that one is still being committed.
        let outcomes = await withTaskGroup(of: (UUID, Result<CommandOutcome, EngineError>).self) { group in
            for command in commands + commands {
                group.addTask { [engine = fixture.engine] in (command.id, await engine.execute(contentsOf: [command])[0]) }
            }
            var outcomes: [UUID: [CommandOutcome]] = [:]
            for await (id, outcome) in group { outcomes[id, default: []].append(try! outcome.get()) }
            return outcomes
        }
        for command in commands {
            let pair = outcomes[command.id] ?? []
            #expect(pair.count == 2)
            #expect(pair.count == 2 && pair[0].positions == pair[1].positions && pair[0].events == pair[1].events)
        }
        #expect(try fixture.engine.stock(item).onHand == 200)
        #expect(try fixture.engine.log.lastPosition() == 200)
    }
}
