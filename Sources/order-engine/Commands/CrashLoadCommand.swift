import ArgumentParser
import Foundation
import OrderEngine

/// The writer the crash tests kill: concurrent shoppers place, pay for and cancel orders in the
/// `CrashShop`, and each command id is written to an acknowledgement file only after the engine
/// has acknowledged it as durable. Whatever moment the process dies, every id in that file must
/// be in the log (`crash-check` checks).
struct CrashLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-load",
        abstract: "Place and pay orders concurrently, recording each acknowledged command id (for crash tests).",
        shouldDisplay: false
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "The file each acknowledged command id is appended to, one per line.")
    var acks: String

    @Option(help: "Concurrent shoppers.")
    var workers = 8

    @Option(help: "Orders to place in all before stopping.")
    var orders = 1_000_000

    @Option(help: "full (fsync per commit) or none.")
    var durability: LMDBEventLogOptions.Durability = .full

    @Option(help: "Most orders, payments and members held in memory (the engine's cachedAggregateCountMax).")
    var cachedAggregates = EngineOptions().cachedAggregateCountMax

    @Option(help: "Events between state snapshots (the engine's snapshotEventInterval).")
    var snapshotEvents: UInt64 = EngineOptions().snapshotEventInterval ?? 1_000_000

    @Option(help: "Member-order rows that wait before a merge (the engine's memberOrderWaitingRowCountMax).")
    var memberOrderRows = EngineOptions().memberOrderWaitingRowCountMax

    func validate() throws {
        guard workers > 0, workers <= 1_000 else { throw ValidationError("--workers must be in 1...1000") }
        guard orders > 0 else { throw ValidationError("--orders must be positive") }
        guard cachedAggregates > 0 else { throw ValidationError("--cached-aggregates must be positive") }
        guard snapshotEvents > 0 else { throw ValidationError("--snapshot-events must be positive") }
        guard memberOrderRows >= 0 else { throw ValidationError("--member-order-rows must not be negative") }
    }

    func run() async throws {
        let options = EngineOptions(
            durability: durability, snapshotEventInterval: snapshotEvents, cachedAggregateCountMax: cachedAggregates,
            memberOrderWaitingRowCountMax: memberOrderRows)
        let engine = try OrderEngine(path: dataOptions.data, options: options, logger: dataOptions.logger)
        defer { engine.close() }
        let acknowledgements = try AcknowledgementFile(path: acks)
        let shop = CrashShopper(engine: engine, acknowledgements: acknowledgements)
        for result in await engine.execute(contentsOf: CrashShop.setupCommands(at: shop.now)) {
            try shop.acknowledge(result)
        }
        let tally: CrashShopper.Tally
        do {
            tally = try await shop.shopConcurrently(workers: workers, orders: orders)
        } catch {
            try Self.reportFailure(error, engine: engine)
        }
        print(JSONLine([("accepted", .integer(Int64(tally.accepted))), ("refused", .integer(Int64(tally.refused)))]).text)
    }

    /// Says why the writer stopped and whether reads still work (they must, even with the disk
    /// full), then stops with that error.
    private static func reportFailure(_ error: any Error, engine: OrderEngine) throws -> Never {
        let readsWork = (try? engine.stock(sku: CrashShop.skus[0])) != nil
        print(JSONLine([("error", .string("\(error)")), ("reads_after_failure", .bool(readsWork))]).text)
        throw error
    }
}

/// One shopper's steps against the engine: place an order, then pay for it, cancel it, or leave
/// it unpaid; now and then a warehouse receives more stock, so the writer never runs dry.
struct CrashShopper: Sendable {
    struct Tally: Sendable {
        var accepted = 0
        var refused = 0

        mutating func add(_ other: Tally) {
            accepted += other.accepted
            refused += other.refused
        }
    }

    let engine: OrderEngine
    let acknowledgements: AcknowledgementFile

    var now: Timestamp { Timestamp(microsecondsSince1970: SystemClock().nowMicroseconds()) }

    /// `workers` shoppers sharing `orders` orders between them, each under a new tag per run.
    func shopConcurrently(workers: Int, orders: Int) async throws -> Tally {
        let runTag = String(UUID().uuidString.prefix(8))
        return try await withThrowingTaskGroup(of: Tally.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var tally = Tally()
                    for index in stride(from: worker, to: orders, by: workers) {
                        try await shop(order: try OrderID("o-\(runTag)-\(index)"), index: index, tally: &tally)
                    }
                    return tally
                }
            }
            return try await group.reduce(into: Tally()) { $0.add($1) }
        }
    }

    func shop(order: OrderID, index: Int, tally: inout Tally) async throws {
        if index % 10 == 0 {
            let item = StockItemID(sku: CrashShop.skus.randomElement()!, warehouse: CrashShop.warehouses.randomElement()!)
            _ = try await send("staff:crash-receiving", .stock(item, .receive(quantity: 4, at: now)), tally: &tally)
        }
        let lines = CrashShop.skus.shuffled().prefix(Int.random(in: 1...2)).map { LineQuantity(sku: $0, quantity: Int64.random(in: 1...3)) }
        let member = CrashShop.members.randomElement()!
        let place = PlaceOrder(order: order, member: member, lines: lines, shippingAddress: CrashShop.address, coupon: nil, at: now)
        guard let placed = try await send("member:\(member)", .placeOrder(place), tally: &tally) else { return }
        guard let placement = placed.events.lazy.compactMap(\.placement).first else {
            throw CommandFailure("order \(order) was accepted without being placed")
        }
        switch index % 10 {
        case 0:
            _ = try await send("member:\(member)", .cancelOrder(order, reason: "changed my mind", at: now), tally: &tally)
        case 1:
            return
        default:
            let payment = try PaymentID("p-\(order)")
            let authorize = DomainCommand.authorizePayment(payment, order: order, method: .alipay, amount: placement.totalDue, at: now)
            guard try await send("member:\(member)", authorize, tally: &tally) != nil else { return }
            _ = try await send("system:payments", .payment(payment, .capture(amount: placement.totalDue, at: now)), tally: &tally)
        }
    }

    /// Sends one command; a refusal is counted and returns nil, any other failure stops the writer.
    private func send(_ actor: String, _ command: DomainCommand, tally: inout Tally) async throws -> CommandOutcome? {
        let result = await engine.execute(contentsOf: [EngineCommand(actor: actor, command: command)])[0]
        if case .failure(.refused) = result {
            tally.refused += 1
            return nil
        }
        tally.accepted += 1
        return try acknowledge(result)
    }

    /// Records an accepted command that wrote events; throws any failure but a refusal.
    @discardableResult
    func acknowledge(_ result: Result<CommandOutcome, EngineError>) throws -> CommandOutcome? {
        switch result {
        case .success(let outcome):
            if !outcome.positions.isEmpty { try acknowledgements.append(outcome.commandId) }
            return outcome
        case .failure(.refused):
            return nil
        case .failure(let error):
            throw CommandFailure("the engine did not take a command: \(error)")
        }
    }
}

extension DomainEvent {
    /// What checkout fixed, when this event placed an order.
    var placement: OrderPlacement? {
        if case .order(_, .placed(let placement)) = self { return placement }
        return nil
    }
}

/// The acknowledgement file: one command id per line, each appended with a single `write` so a
/// killed writer leaves at most one incomplete last line (which readers skip).
final class AcknowledgementFile: Sendable {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else { throw CommandFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
    }

    deinit {
        close(descriptor)
    }

    func append(_ id: UUID) throws {
        let line = Array("\(id.uuidString)\n".utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw CommandFailure("cannot record an acknowledgement: \(String(cString: strerror(errno)))") }
    }

    /// The ids of every complete line of the file at `path`.
    static func read(_ path: String) throws -> [UUID] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        return try lines.map { line in
            guard let id = UUID(uuidString: String(line)) else { throw CommandFailure("not a command id in \(path): \(line)") }
            return id
        }
    }
}
