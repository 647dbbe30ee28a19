import Foundation
import OrderEngine

/// One line of the day's timeline: what happened at a moment, and the refusal when the mall said no.
struct DemoStep {
    let time: Timestamp
    let text: String
    let refusal: Refusal?
}

/// What the engine answered over the whole script.
struct DemoTally {
    /// Commands sent.
    var commandCount = 0
    /// Commands accepted now, with new events.
    var acceptedCount = 0
    /// Commands whose id the log already held: answered with their first outcome, nothing written.
    var duplicateCount = 0
    /// Commands refused as the script expected.
    var refusedCount = 0
    /// Events this run wrote.
    var eventsWrittenCount = 0
}

/// Sends the script's commands and checks every answer against what the script expects.
///
/// Command ids come from the command's place in the script, so a second run on the same directory
/// sends the same ids and the engine answers each accepted one from its idempotency table.
final class DemoRunner {
    let engine: OrderEngine
    let clock: DemoClock
    private(set) var timeline: [DemoStep] = []
    private(set) var tally = DemoTally()
    private var sequence: UInt64 = 0

    init(engine: OrderEngine, clock: DemoClock) {
        self.engine = engine
        self.clock = clock
    }

    /// The id of the script's `sequence`-th command: a fixed prefix and the number in the last group.
    static func commandID(_ sequence: UInt64) -> UUID {
        let digits = String(sequence, radix: 16)
        let text = "0de70000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
        guard let id = UUID(uuidString: text) else { preconditionFailure("a command id from \(sequence)") }
        return id
    }

    /// Moves the clock to `hour:minute` on the demo day and returns that moment.
    func at(_ hour: Int, _ minute: Int) -> Timestamp {
        clock.advance(to: DemoDay.time(hour, minute))
        return clock.now
    }

    /// Adds a line to the timeline at the clock's time.
    func note(_ text: String) {
        timeline.append(DemoStep(time: clock.now, text: text, refusal: nil))
    }

    /// Sends a command that must be accepted; `what` names it in the one-line failure otherwise.
    @discardableResult
    func run(_ actor: String, _ command: DomainCommand, _ what: String) async throws -> CommandOutcome {
        switch await send(actor, command) {
        case .success(let outcome):
            if outcome.duplicate {
                tally.duplicateCount += 1
            } else {
                tally.acceptedCount += 1
                tally.eventsWrittenCount += outcome.events.count
            }
            return outcome
        case .failure(let error):
            throw CommandFailure("demo step \"\(what)\" failed: \(error)")
        }
    }

    /// Sends a command that must be refused with `code`, and puts the refusal on the timeline.
    func refuse(_ code: RefusalCode, _ actor: String, _ command: DomainCommand, _ what: String) async throws {
        switch await send(actor, command) {
        case .success:
            throw CommandFailure("demo step \"\(what)\" was accepted, but \(code.rawValue) was expected")
        case .failure(.refused(let refusal)) where refusal.code == code:
            tally.refusedCount += 1
            timeline.append(DemoStep(time: clock.now, text: what, refusal: refusal))
        case .failure(let error):
            throw CommandFailure("demo step \"\(what)\" failed with \(error), but \(code.rawValue) was expected")
        }
    }

    /// Fails the demo with one line unless `condition` holds.
    func expect(_ condition: Bool, _ what: @autoclosure () -> String) throws {
        guard condition else { throw CommandFailure("demo check failed: \(what())") }
    }

    private func send(_ actor: String, _ command: DomainCommand) async -> Result<CommandOutcome, EngineError> {
        sequence += 1
        tally.commandCount += 1
        let envelope = EngineCommand(id: Self.commandID(sequence), actor: actor, command: command)
        do throws(EngineError) {
            return .success(try await engine.execute(envelope))
        } catch {
            return .failure(error)
        }
    }
}

extension CommandOutcome {
    /// What checkout fixed for the order this outcome placed.
    func placement() throws -> OrderPlacement {
        for case .order(_, .placed(let placement)) in events { return placement }
        throw CommandFailure("demo check failed: command \(commandId) placed no order")
    }

    /// The price difference an exchange left the buyer owing, if any.
    func differenceOwed() -> Money? {
        for case .afterSale(_, .differenceOwed(let amount, _)) in events { return amount }
        return nil
    }
}
