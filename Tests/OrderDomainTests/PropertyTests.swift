import OrderDomain
import PropertyBased
import Testing

@Suite struct PropertyTests {
    static let operations = Gen.int(in: 0...9_999_999).array(of: 1...200)

    @Test func randomCommandSequencesNeverBreakAnInvariant() async throws {
        await propertyCheck(count: 150, input: Self.operations) { ops in
            var simulation = try Simulation()
            for op in ops {
                simulation.step(op)
                checkInvariants(simulation.shop.states)
            }
        }
    }

    @Test func foldingTheEventsFromScratchReproducesEveryState() async throws {
        await propertyCheck(count: 150, input: Self.operations) { ops in
            var simulation = try Simulation()
            for (index, op) in ops.enumerated() {
                simulation.step(op)
                if index % 25 == 0 { #expect(replay(simulation.shop.log) == simulation.shop.states) }
            }
            #expect(replay(simulation.shop.log) == simulation.shop.states)
        }
    }

    @Test func eachStreamFoldsToItsOwnState() async throws {
        await propertyCheck(count: 50, input: Self.operations) { ops in
            var simulation = try Simulation()
            for op in ops { simulation.step(op) }
            let states = simulation.shop.states
            var stocks: [StockItemID: StockState] = [:]
            var orders: [OrderID: OrderState] = [:]
            var payments: [PaymentID: PaymentState] = [:]
            for event in simulation.shop.log {
                switch event {
                case .stock(let id, let event): stocks[id] = Stock.evolve(stocks[id] ?? .initial, event)
                case .order(let id, let event): orders[id] = Order.evolve(orders[id] ?? .initial, event)
                case .payment(let id, let event): payments[id] = Payment.evolve(payments[id] ?? .initial, event)
                case .catalog, .shipment, .afterSale, .member, .coupon: break
                }
            }
            #expect(stocks == states.stocks)
            #expect(orders == states.orders)
            #expect(payments == states.payments)
        }
    }

    @Test func theSimulationExercisesEveryAggregate() throws {
        var simulation = try Simulation()
        var seed: UInt64 = 42
        for _ in 0..<4_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            simulation.step(Int(seed >> 33) % 10_000_000)
            checkInvariants(simulation.shop.states)
        }
        let tags = Set(simulation.shop.log.map { $0.typeTag / 100 })
        #expect(tags == [1, 2, 3, 4, 5, 6, 7, 8], "\(simulation.acceptedByKind.sorted { $0.key < $1.key })")
        let afterSaleTags: Set<UInt16> = [216, 316, 317, 318, 319, 320, 321, 403, 407, 608, 609, 610]
        #expect(
            afterSaleTags.isSubset(of: Set(simulation.shop.log.map(\.typeTag))),
            "\(afterSaleTags.subtracting(Set(simulation.shop.log.map(\.typeTag))))")
        #expect(simulation.accepted > 300)
        #expect(replay(simulation.shop.log) == simulation.shop.states)
    }

    @Test func hotSKUsNeverOversell() async throws {
        await propertyCheck(count: 50, input: Gen.int(in: 1...5).array(of: 1...300)) { quantities in
            var shop = try Shop.stocked()
            var sold: Int64 = 0
            for (index, quantity) in quantities.enumerated() {
                let member = try MemberID("buyer\(index % 50)")
                if shop.states.member(member).status == .none {
                    try shop.run(.member(member, .register(profile, at: at(1))))
                }
                let command = shop.place(try OrderID("o\(index)"), [line("shirt", Int64(quantity))], member: member)
                if (try? shop.run(command)) != nil { sold += Int64(quantity) }
            }
            #expect(sold <= 15)
            #expect(shop.item("shirt", "w1").available + shop.item("shirt", "w2").available == 15 - sold)
            checkInvariants(shop.states)
        }
    }
}
