import OrderDomain

/// Unpaid orders by payment deadline, earliest first (a binary min-heap), so the sequencer finds
/// the orders due for expiry without scanning every order. Entries of orders that were paid or
/// cancelled meanwhile are dropped when they come up.
struct ExpiryQueue {
    private var heap: [(dueAt: Int64, order: OrderID)] = []

    var count: Int { heap.count }

    /// Every order of `states` still awaiting payment.
    init(states: DomainStates) {
        for (id, order) in states.orders where order.status == .awaitingPayment {
            if let placement = order.placement { insert(placement.paymentDueAt, id) }
        }
    }

    mutating func insert(_ dueAt: Timestamp, _ order: OrderID) {
        heap.append((dueAt.microsecondsSince1970, order))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].dueAt < heap[parent].dueAt else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns up to `countMax` orders due at `now` that still await payment.
    mutating func popDue(now: Int64, states: DomainStates, countMax: Int) -> [OrderID] {
        var due: [OrderID] = []
        while due.count < countMax, let first = heap.first, first.dueAt <= now {
            removeFirst()
            if states.order(first.order).status == .awaitingPayment { due.append(first.order) }
        }
        return due
    }

    private mutating func removeFirst() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].dueAt < heap[smallest].dueAt { smallest = left }
            if right < heap.count && heap[right].dueAt < heap[smallest].dueAt { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
