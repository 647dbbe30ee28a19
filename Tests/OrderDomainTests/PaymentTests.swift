import OrderDomain
import Testing

@Suite struct PaymentTests {
    let authorized: [PaymentEvent] = [
        .authorized(order: "o1", member: "m1", method: .alipay, amount: cny(10_000), amountDue: cny(10_000), at: at(1))
    ]

    func decide(_ command: PaymentCommand, _ events: [PaymentEvent]) throws(Refusal) -> [PaymentEvent] {
        try Payment.decide(command, payment(events))
    }

    @Test func authorizesNoMoreThanIsDue() throws {
        let command = PaymentCommand.authorize(
            order: "o1", member: "m1", method: .alipay, amount: cny(10_000), amountDue: cny(10_000), at: at(1))
        #expect(try decide(command, []) == authorized)
        expectRefusal(.alreadyExists) { () throws(Refusal) in try decide(command, authorized) }
        expectRefusal(.amountExceedsDue) { () throws(Refusal) in
            try decide(
                .authorize(
                    order: "o1", member: "m1", method: .card, amount: cny(10_001), amountDue: cny(10_000), at: at(1)),
                [])
        }
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(
                .authorize(order: "o1", member: "m1", method: .card, amount: usd(1), amountDue: cny(10_000), at: at(1)),
                [])
        }
    }

    @Test func capturesFullyOrPartly() throws {
        let part = try decide(.capture(amount: cny(4_000), at: at(2)), authorized)
        let rest = try decide(.capture(amount: cny(6_000), at: at(3)), authorized + part)
        let state = payment(authorized + part + rest)
        #expect(state.status == .captured)
        #expect(state.capturedMinorUnits == 10_000)
        expectRefusal(.amountExceedsAuthorized) { () throws(Refusal) in
            try decide(.capture(amount: cny(1), at: at(4)), authorized + part + rest)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.capture(amount: cny(1), at: at(4)), []) }
    }

    @Test func voidsOnlyUncapturedAuthorizations() throws {
        #expect(payment(authorized + (try decide(.void(at: at(2)), authorized))).status == .voided)
        let captured = authorized + [.captured(amount: cny(1), at: at(2))]
        expectRefusal(.invalidTransition) { () throws(Refusal) in try decide(.void(at: at(3)), captured) }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.capture(amount: cny(1), at: at(3)), authorized + [.voided(at: at(2))])
        }
    }

    @Test func refundsNeverExceedCaptures() throws {
        let captured = authorized + [.captured(amount: cny(6_000), at: at(2))]
        let refund = try decide(.refund(amount: cny(2_000), at: at(3)), captured)
        #expect(payment(captured + refund).refundedMinorUnits == 2_000)
        expectRefusal(.amountExceedsCaptured) { () throws(Refusal) in
            try decide(.refund(amount: cny(4_001), at: at(4)), captured + refund)
        }
        expectRefusal(.amountExceedsCaptured) { () throws(Refusal) in
            try decide(.refund(amount: cny(1), at: at(4)), authorized)
        }
        expectRefusal(.validationFailed) { () throws(Refusal) in
            try decide(.refund(amount: cny(0), at: at(4)), captured)
        }
    }

    @Test func failsOnlyBeforeCapture() throws {
        #expect(payment(authorized + (try decide(.fail(reason: "declined", at: at(2)), authorized))).status == .failed)
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.fail(reason: "late", at: at(3)), authorized + [.captured(amount: cny(1), at: at(2))])
        }
    }

    @Test func appliesAProviderCallbackOnce() throws {
        let callback = PaymentCommand.recordCallback(providerEvent: "evt-1", outcome: .captured(cny(10_000)), at: at(2))
        let events = try decide(callback, authorized)
        #expect(
            events == [.callbackRecorded(providerEvent: "evt-1", at: at(2)), .captured(amount: cny(10_000), at: at(2))])
        #expect(try decide(callback, authorized + events) == [])
        let refund = PaymentCommand.recordCallback(providerEvent: "evt-2", outcome: .refunded(cny(10_001)), at: at(3))
        expectRefusal(.amountExceedsCaptured) { () throws(Refusal) in try decide(refund, authorized + events) }
    }

    @Test func callbacksCanVoidAndFail() throws {
        let voided = try decide(.recordCallback(providerEvent: "e1", outcome: .voided, at: at(2)), authorized)
        #expect(payment(authorized + voided).status == .voided)
        let failed = try decide(
            .recordCallback(providerEvent: "e1", outcome: .failed(reason: "bank"), at: at(2)), authorized)
        #expect(payment(authorized + failed).status == .failed)
    }
}

extension PaymentTests {
    @Test func releasesWhatIsAuthorizedAndNotCaptured() throws {
        let part = try decide(.capture(amount: cny(4_000), at: at(2)), authorized)
        expectRefusal(.amountExceedsAuthorized) { () throws(Refusal) in
            try decide(.releaseAuthorization(amount: cny(6_001), at: at(3)), authorized + part)
        }
        let released = try decide(.releaseAuthorization(amount: cny(6_000), at: at(3)), authorized + part)
        #expect(released == [.authorizationReleased(amount: cny(6_000), at: at(3))])
        let state = payment(authorized + part + released)
        #expect(state.status == .captured)
        #expect(state.uncapturedMinorUnits == 0)
        expectRefusal(.amountExceedsAuthorized) { () throws(Refusal) in
            try decide(.capture(amount: cny(1), at: at(4)), authorized + part + released)
        }
        expectRefusal(.invalidTransition) { () throws(Refusal) in
            try decide(.releaseAuthorization(amount: cny(1), at: at(4)), authorized + [.voided(at: at(2))])
        }
        expectRefusal(.currencyMismatch) { () throws(Refusal) in
            try decide(.releaseAuthorization(amount: usd(1), at: at(4)), authorized)
        }
    }
}
