import CSQLite
import Foundation
import OrderEngine

/// The same sale on SQLite, as a shop would otherwise build it: WAL mode with
/// `synchronous=FULL` (a durable commit; OFF with durability `none`), per order one `UPDATE stock ... WHERE qty > 0` and, when
/// it took a unit, one `INSERT` of the order (the full path then marks it paid and shipped), in
/// transactions of the engine's mean batch size. A single loop with no buyers: SQLite's best case.
struct SQLiteFlashSale {
    let path: String
    let settings: FlashSaleSettings
    let payAndShip: Bool
    let durability: LMDBEventLogOptions.Durability

    /// Orders tried, orders accepted, and the wall time of the loop.
    struct Measurement {
        var orderCount: Int
        var acceptedCount: Int
        var seconds: Double
        var ordersPerSecond: Double { Double(orderCount) / seconds }
    }

    func run(ordersPerTransaction: Int) throws -> Measurement {
        precondition(ordersPerTransaction > 0)
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode=WAL")
        try database.execute(durability == .full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF")
        try database.execute("CREATE TABLE stock(sku INTEGER PRIMARY KEY, qty INTEGER NOT NULL)")
        try database.execute(
            "CREATE TABLE orders(id TEXT PRIMARY KEY, sku INTEGER NOT NULL, member INTEGER NOT NULL, status TEXT NOT NULL)")
        try database.execute("BEGIN")
        let stock = try database.prepare("INSERT INTO stock(sku, qty) VALUES (?1, ?2)")
        for sku in 0..<settings.skuCount { try stock.run(.integer(sku), .integer(settings.stockPerSKU)) }
        try database.execute("COMMIT")
        let take = try database.prepare("UPDATE stock SET qty = qty - 1 WHERE sku = ?1 AND qty > 0")
        let insert = try database.prepare("INSERT INTO orders(id, sku, member, status) VALUES (?1, ?2, ?3, 'awaiting_payment')")
        let mark = try database.prepare("UPDATE orders SET status = ?2 WHERE id = ?1")
        let zipf = ZipfDistribution(count: settings.skuCount, exponent: settings.skuSkew)
        var random = SplitMix64Generator(seed: 1)
        var accepted = 0
        let start = ContinuousClock.now
        for first in stride(from: 0, to: settings.orderCount, by: ordersPerTransaction) {
            try database.execute("BEGIN IMMEDIATE")
            for number in first..<min(first + ordersPerTransaction, settings.orderCount) {
                let sku = settings.skuCount == 1 ? 0 : zipf.sample(using: &random)
                let member = random.next(below: settings.memberCount)
                try take.run(.integer(sku))
                guard database.changes == 1 else { continue }
                accepted += 1
                let id = "o-\(number)"
                try insert.run(.text(id), .integer(sku), .integer(member))
                guard payAndShip else { continue }
                try mark.run(.text(id), .text("paid"))
                try mark.run(.text(id), .text("shipped"))
            }
            try database.execute("COMMIT")
        }
        let seconds = (ContinuousClock.now - start).secondsDouble
        try check(database, accepted: accepted)
        return Measurement(orderCount: settings.orderCount, acceptedCount: accepted, seconds: seconds)
    }

    /// SQLite must not oversell either: the units left and the orders stored add up to the stock.
    private func check(_ database: SQLiteDatabase, accepted: Int) throws {
        let orders = try database.integer("SELECT count(*) FROM orders")
        let left = try database.integer("SELECT coalesce(sum(qty), 0) FROM stock")
        let negative = try database.integer("SELECT count(*) FROM stock WHERE qty < 0")
        if orders != accepted || negative != 0 || left + orders != settings.skuCount * settings.stockPerSKU {
            throw CommandFailure("SQLite baseline is inconsistent: \(orders) orders, \(left) units left, \(negative) negative rows")
        }
    }
}
