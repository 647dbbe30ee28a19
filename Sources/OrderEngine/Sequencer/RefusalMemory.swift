import Foundation

/// The most recent refused command ids and their refusals, oldest forgotten first: a retried
/// refused command gets its first answer without a write per refusal. Bounded by design: a retry
/// older than the window is decided again.
struct RefusalMemory {
    let countMax: Int
    private var refusals: [UUID: Refusal] = [:]
    private var order: [UUID] = []
    private var oldest = 0

    init(countMax: Int) {
        precondition(countMax >= 0)
        self.countMax = countMax
    }

    func refusal(for id: UUID) -> Refusal? { refusals[id] }

    mutating func remember(_ refusal: Refusal, for id: UUID) {
        guard countMax > 0, refusals.updateValue(refusal, forKey: id) == nil else { return }
        if order.count < countMax {
            order.append(id)
            return
        }
        refusals[order[oldest]] = nil
        order[oldest] = id
        oldest = (oldest + 1) % countMax
    }
}
