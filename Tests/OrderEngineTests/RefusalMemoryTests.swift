import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

@Suite struct RefusalMemoryTests {
    /// Ids from a small pool, so that ids come back after being forgotten and while remembered.
    private static func id(_ number: UInt64) -> UUID {
        var random = SplitMix64Generator(seed: number)
        let (a, b) = (random.next(), random.next())
        return withUnsafeBytes(of: (a, b)) { UUID(uuid: $0.load(as: uuid_t.self)) }
    }

    @Test(arguments: [1, 2, 7, 8, 100])
    func agreesWithAPlainModelThroughInsertsEvictionsAndRepeats(countMax: Int) {
        var memory = RefusalMemory(countMax: countMax)
        var model: [UUID: Refusal] = [:]
        var arrivals: [UUID] = []
        var random = SplitMix64Generator(seed: UInt64(countMax))
        let pool = UInt64(countMax * 3)
        for step in 0..<20_000 {
            let id = Self.id(UInt64(random.next(below: Int(pool))))
            let refusal = Refusal(.insufficientStock, "step \(step)")
            #expect(memory.refusal(for: id) == model[id])
            memory.remember(refusal, for: id)
            if model[id] == nil {
                if arrivals.count == countMax { model[arrivals.removeFirst()] = nil }
                model[id] = refusal
                arrivals.append(id)
            }
            #expect(memory.count == model.count)
        }
        for number in 0..<pool {
            #expect(memory.refusal(for: Self.id(number)) == model[Self.id(number)])
        }
    }

    @Test func keepsTheFirstRefusalOfAnId() {
        var memory = RefusalMemory(countMax: 4)
        memory.remember(Refusal(.notFound, "first"), for: Self.id(1))
        memory.remember(Refusal(.insufficientStock, "second"), for: Self.id(1))
        #expect(memory.refusal(for: Self.id(1)) == Refusal(.notFound, "first"))
        #expect(memory.count == 1)
    }

    @Test func forgetsTheOldestOnceFull() {
        var memory = RefusalMemory(countMax: 3)
        for number in 1...4 { memory.remember(Refusal(.notFound, "\(number)"), for: Self.id(UInt64(number))) }
        #expect(memory.refusal(for: Self.id(1)) == nil)
        for number in 2...4 { #expect(memory.refusal(for: Self.id(UInt64(number))) == Refusal(.notFound, "\(number)")) }
    }

    @Test func withNoRoomRemembersNothing() {
        var memory = RefusalMemory(countMax: 0)
        memory.remember(Refusal(.notFound, "gone"), for: Self.id(1))
        #expect(memory.refusal(for: Self.id(1)) == nil)
        #expect(memory.count == 0)
    }
}
