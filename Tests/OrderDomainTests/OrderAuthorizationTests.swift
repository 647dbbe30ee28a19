import OrderDomain
import Testing

@Suite struct OrderAuthorizationTests {
    let placed: [OrderEvent] = [.placed(placement())]
    let fullyHeld: [OrderEvent] = [
        .placed(placement()), .paymentAuthorized(payment: "p1", amount: cny(24_800), at: at(20)),
    ]

    func decide(_ command: OrderCommand, _ events: [OrderEvent]) throws(Refusal) -> [OrderEvent] {
        try Order.decide(command, order(events), policy)
    }

    @Test func paymentsTogetherHoldNoMoreThanIsDue() throws {
        let first = try decide(.recordAuthorization(payment: "p1", amount: cny(20_000), at: at(20)), placed)
        #expect(first == [.paymentAuthorized(payment: "p1", amount: cny(20_000), at: at(20))])
        let second = try decide(.recordAuthorization(payment: "p2", amount: cny(4_800), at: at(21)), placed + first)
        #expect(order(placed + first + second).openAuthorizedMinorUnits == 24_800)
        expectRefusal(.amountExceedsDue) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p3", amount: cny(1), at: at(22)), placed + first + second)
        }
    }

    @Test func refusesBadAuthorizations() throws {
        expectRefusal(.amountExceedsDue) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p2", amount: cny(24_800), at: at(21)), fullyHeld)
        }
        expectRefusal(.alreadyExists) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p1", amount: cny(1), at: at(21)), placed + [fullyHeld[1]])
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p2", amount: cny(0), at: at(21)), placed)
        }
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p2", amount: usd(1), at: at(21)), placed)
        }
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p2", amount: cny(1), at: at(21)), [])
        }
    }

    @Test func refusesMoreThanSixteenPayments() throws {
        var events = placed
        for index in 0..<Limits.paymentsPerOrderMax {
            events += try decide(
                .recordAuthorization(payment: try PaymentID("p\(index)"), amount: cny(100), at: at(20)), events)
        }
        expectRefusal(.limitExceeded) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p99", amount: cny(100), at: at(21)), events)
        }
    }

    @Test func releasingAnAuthorizationMakesRoomForAnotherPayment() throws {
        let captured = fullyHeld + [.paymentRecorded(payment: "p1", amount: cny(20_000), at: at(21))]
        expectRefusal(.amountExceedsDue) { () throws(Refusal) in
            try decide(.recordAuthorization(payment: "p2", amount: cny(4_800), at: at(22)), captured)
        }
        expectRefusal(.amountExceedsAuthorized) { () throws(Refusal) in
            try decide(.releaseAuthorization(payment: "p1", amount: cny(4_801), at: at(22)), captured)
        }
        expectRefusal(.notFound) { () throws(Refusal) in
            try decide(.releaseAuthorization(payment: "p2", amount: cny(1), at: at(22)), captured)
        }
        let released = try decide(.releaseAuthorization(payment: "p1", amount: cny(4_800), at: at(22)), captured)
        #expect(released == [.authorizationReleased(payment: "p1", amount: cny(4_800), at: at(22))])
        let other = try decide(
            .recordAuthorization(payment: "p2", amount: cny(4_800), at: at(23)), captured + released)
        #expect(order(captured + released + other).authorizations.map(\.openMinorUnits) == [20_000, 4_800])
    }

    @Test func refusesCapturesBeyondTheAmountDueOrThePaymentsHold() throws {
        let paid = fullyHeld + [.paymentRecorded(payment: "p1", amount: cny(24_800), at: at(21)), .paid(at: at(21))]
        expectRefusal(.amountExceedsDue) { () throws(Refusal) in
            try decide(.recordPayment(payment: "p2", amount: cny(1), at: at(22)), paid)
        }
        expectRefusal(.amountExceedsAuthorized) { () throws(Refusal) in
            try decide(
                .recordPayment(payment: "p1", amount: cny(24_800), at: at(22)),
                fullyHeld + [.authorizationReleased(payment: "p1", amount: cny(4_800), at: at(21))])
        }
    }

    @Test func authorizationEventTagsAreStable() {
        #expect(OrderEvent.paymentAuthorized(payment: "p", amount: cny(1), at: at(1)).typeTag == 319)
        #expect(OrderEvent.authorizationReleased(payment: "p", amount: cny(1), at: at(1)).typeTag == 320)
        #expect(PaymentEvent.authorizationReleased(amount: cny(1), at: at(1)).typeTag == 407)
    }
}
