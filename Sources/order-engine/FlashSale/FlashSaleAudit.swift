import Foundation
import OrderEngine

/// The run checks itself before it reports: every count must agree with the log, the order-status
/// projection and a replay, or the command fails.
struct FlashSaleAudit {
    /// What the checks found; `problems` is empty when everything agrees.
    struct Findings {
        var oversoldUnits: Int64 = 0
        var recordCount = 0
        var recordBytesMean = 0
        var problems: [String] = []
    }

    let shop: FlashSaleShop
    let engine: OrderEngine
    let tally: BuyerTally
    let payAndShip: Bool

    func run() throws -> Findings {
        var findings = Findings()
        try checkStock(&findings)
        try checkLog(&findings)
        try checkOrders(&findings)
        let replay = try ProjectionAudit.replay(engine.log)
        if replay.matchesStoredProjections != true {
            findings.problems.append("stored projections differ from a replay: \(replay.firstDifference ?? "unknown")")
        }
        return findings
    }

    /// Each SKU sold exactly what it was asked for, up to its stock, and its counts say so.
    private func checkStock(_ findings: inout Findings) throws {
        let stock = Int64(shop.settings.stockPerSKU)
        for (index, sku) in shop.skus.enumerated() {
            let attempts = tally.attemptsBySKU[index]
            let accepted = Int64(tally.acceptedBySKU[index])
            let counts = try engine.stock(sku: sku).total
            let taken = stock - counts.available
            findings.oversoldUnits += max(0, taken - stock) + max(0, accepted - stock)
            if accepted != min(stock, Int64(attempts)) {
                findings.problems.append("\(sku): \(accepted) orders accepted of \(attempts), with \(stock) units")
            }
            if taken != accepted {
                findings.problems.append("\(sku): the inventory view shows \(taken) units taken, \(accepted) orders were accepted")
            }
        }
    }

    /// The log holds exactly one order stream per accepted order; also measures its records.
    private func checkLog(_ findings: inout Findings) throws {
        let prefix = Array("order-".utf8)
        var orderStreams = 0
        var bytes = 0
        try engine.log.scan(fromPosition: 1, through: try engine.log.lastPosition(), checkingChecksums: true) { _, record in
            findings.recordCount += 1
            bytes += Self.storedBytes(record)
            if record.streamVersion == 1 && record.streamIdBytes.starts(with: prefix) { orderStreams += 1 }
            return true
        }
        findings.recordBytesMean = findings.recordCount == 0 ? 0 : bytes / findings.recordCount
        if orderStreams != tally.acceptedCount {
            findings.problems.append("the log holds \(orderStreams) orders, \(tally.acceptedCount) were accepted")
        }
    }

    /// The fixed header of a stored record (layout version 1; see the log's `RecordCodec`).
    static let recordHeaderBytes = 80

    /// A record's stored size: the header, then stream id, actor and payload back to back.
    private static func storedBytes(_ record: RecordView) -> Int {
        let variable = record.payload.baseAddress! + record.payload.count - record.streamIdBytes.baseAddress!
        return recordHeaderBytes + variable
    }

    /// Every accepted order is in the order-status projection, in the state the run left it in.
    private func checkOrders(_ findings: inout Findings) throws {
        let expected: OrderStatus = payAndShip ? .shipped : .awaitingPayment
        for number in tally.acceptedOrders {
            let id = try FlashSaleShop.orderID(number)
            guard let status = try engine.order(id)?.order.status else {
                findings.problems.append("accepted order \(id) is missing from the order-status projection")
                return
            }
            if status != expected {
                findings.problems.append("order \(id) is \(status.rawValue), expected \(expected.rawValue)")
                return
            }
        }
    }
}
