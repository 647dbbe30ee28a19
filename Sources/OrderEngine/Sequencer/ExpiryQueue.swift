import OrderDomain

/// Payment deadlines of orders placed unpaid, earliest first (a binary min-heap), so the sequencer
/// finds the orders due for expiry without scanning every order. Entries of orders that were paid
/// or cancelled meanwhile are dropped when they come up. It holds ids and deadlines only, so the
/// orders themselves need not stay in memory; snapshots store it (`entries`).
struct ExpiryQueue {
    private(set) var entries: [PaymentDeadline] = []

    var count: Int { entries.count }

    /// The deadlines of a snapshot, in any order.
    init(_ deadlines: [PaymentDeadline] = []) {
        for deadline in deadlines { insert(Timestamp(microsecondsSince1970: deadline.dueAtMicroseconds), deadline.order) }
    }

    mutating func insert(_ dueAt: Timestamp, _ order: OrderID) {
        entries.append(PaymentDeadline(dueAtMicroseconds: dueAt.microsecondsSince1970, order: order))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].dueAtMicroseconds < entries[parent].dueAtMicroseconds else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns up to `countMax` orders due at `now` that still await payment.
    mutating func popDue(now: Int64, states: some DomainStateReading, countMax: Int) -> [OrderID] {
        var due: [OrderID] = []
        while due.count < countMax, let first = entries.first, first.dueAtMicroseconds <= now {
            removeFirst()
            if states.order(first.order).status == .awaitingPayment { due.append(first.order) }
        }
        return due
    }

    private mutating func removeFirst() {
        entries.swapAt(0, entries.count - 1)
        entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count && entries[left].dueAtMicroseconds < entries[smallest].dueAtMicroseconds { smallest = left }
            if right < entries.count && entries[right].dueAtMicroseconds < entries[smallest].dueAtMicroseconds { smallest = right }
            guard smallest != parent else { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

/// When an order placed unpaid is due to expire.
struct PaymentDeadline: Codable, Hashable {
    var dueAtMicroseconds: Int64
    var order: OrderID
}
