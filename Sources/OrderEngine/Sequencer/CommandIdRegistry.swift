import EventLog
import Foundation
import OrderDomain
import Synchronization

/// The command ids on their way through the sequencer and the refusals given lately, shared by
/// the callers' threads, the sequencer and the committer. It is what lets a caller answer a
/// refusal on its own thread (`FastRefusals`) and still give every command id one outcome:
/// such an answer is decided while the id is held here alone, so no copy of the command is
/// queued or decided meanwhile, and it is remembered like the sequencer's refusals, so a retry
/// gets it again.
///
/// The ids are spread over stripes, each behind its own lock, so that callers on different
/// threads rarely wait for each other. Each stripe remembers its share of the refusals, oldest
/// forgotten first (`RefusalMemory`), so the window of remembered refusals holds about
/// `refusalCountMax` of them in all.
final class CommandIdRegistry: Sendable {
    private struct Stripe: ~Copyable {
        /// Ids queued or being decided, with how many submissions of each.
        var submitted: [CommandKey: Int] = [:]
        var refusals: RefusalMemory
    }

    /// What holding an id alone found.
    enum Held {
        /// The id was refused before, with this refusal.
        case remembered(Refusal)
        /// A submission with the id is queued or being decided.
        case submitted
        /// `body` ran while the id was held; its answer.
        case decided(Refusal?)
    }

    static let stripeCount = 64
    private let stripes: [StripeBox]

    private final class StripeBox: Sendable {
        let state: Mutex<Stripe>
        init(refusalCountMax: Int) { state = Mutex(Stripe(refusals: RefusalMemory(countMax: refusalCountMax))) }
    }

    /// `refusalCountMax`: about how many refusals are remembered in all.
    init(refusalCountMax: Int) {
        let perStripe = (refusalCountMax + Self.stripeCount - 1) / Self.stripeCount
        stripes = (0..<Self.stripeCount).map { _ in StripeBox(refusalCountMax: perStripe) }
    }

    private func stripe(_ key: CommandKey) -> StripeBox {
        stripes[Int(truncatingIfNeeded: UInt(bitPattern: key.hashValue) >> 58) & (Self.stripeCount - 1)]
    }

    /// A submission with `id` is on its way to the sequencer; waits while a caller holds the id.
    func submit(_ id: UUID) {
        let key = CommandKey(id)
        stripe(key).state.withLock { $0.submitted[key, default: 0] += 1 }
    }

    /// Submissions with these ids have been answered.
    func answered(_ ids: some Sequence<UUID>) {
        for id in ids {
            let key = CommandKey(id)
            stripe(key).state.withLock { stripe in
                guard let count = stripe.submitted[key] else { preconditionFailure("answered a command that was not submitted") }
                if count == 1 { stripe.submitted[key] = nil } else { stripe.submitted[key] = count - 1 }
            }
        }
    }

    /// Remembers the refusal of `id`, decided by the sequencer and now durable; call before the
    /// command is answered.
    func remember(_ refusal: Refusal, for id: UUID) {
        let key = CommandKey(id)
        stripe(key).state.withLock { $0.refusals.remember(refusal, for: id) }
    }

    /// The remembered refusal of `id`, if any.
    func refusal(for id: UUID) -> Refusal? {
        stripe(CommandKey(id)).state.withLock { $0.refusals.refusal(for: id) }
    }

    /// Runs `body` while holding `id` alone, unless a submission with it is on its way or it was
    /// refused before; a refusal `body` returns is remembered before the id is let go. Submitting
    /// the id meanwhile waits. `body` must not wait for the sequencer or the committer.
    func holdingAlone(_ id: UUID, _ body: () -> Refusal?) -> Held {
        let key = CommandKey(id)
        return stripe(key).state.withLock { stripe in
            if let refusal = stripe.refusals.refusal(for: id) { return .remembered(refusal) }
            if stripe.submitted[key] != nil { return .submitted }
            let refusal = body()
            if let refusal { stripe.refusals.remember(refusal, for: id) }
            return .decided(refusal)
        }
    }
}
