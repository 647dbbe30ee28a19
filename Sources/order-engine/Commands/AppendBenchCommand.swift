import ArgumentParser
import Foundation
import OrderEngine

/// The log's append rate against a plain LMDB loop, at several batch sizes, in one run on one
/// disk: the ratio is what carries over between machines.
struct AppendBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append-bench",
        abstract: "Measure appends per second of the log and of a raw LMDB loop at each batch size."
    )

    @Option(help: "Events per write transaction, comma-separated.")
    var batchSizes = "1,64,1024,8192"

    @Option(help: "Events to append per batch size (bounded to 50...2000 transactions).")
    var events = 400_000

    @Option(help: "Payload bytes per event.")
    var payloadBytes = 128

    @Option(help: "full (fsync per commit) or none.")
    var durability: LMDBEventLogOptions.Durability = .full

    @Flag(help: "Print one JSON object per batch size.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let sizes = batchSizes.split(separator: ",").compactMap { Int($0) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 && $0 <= EventLogLimits.requestEventCountMax }) else {
            throw ValidationError("--batch-sizes must be numbers in 1...\(EventLogLimits.requestEventCountMax)")
        }
        let scratch = try ScratchDirectory(prefix: "order-engine-append-bench")
        defer { scratch.remove() }
        if !json { print("batch   log events/s   raw LMDB events/s   ratio   record bytes") }
        for size in sizes {
            let transactions = min(2000, max(50, events / size))
            let log = try await measureLog(batchSize: size, transactions: transactions, directory: scratch.path + "/log-\(size)")
            let raw = try RawLMDBBaseline(directory: scratch.path + "/raw-\(size)", durability: durability)
                .run(records: size * transactions, batchSize: size, recordBytes: log.recordBytes)
            report(size: size, log: log, raw: raw)
        }
    }

    private func measureLog(batchSize: Int, transactions: Int, directory: String) async throws -> (eventsPerSecond: Double, recordBytes: Int) {
        let log = try LMDBEventLog(path: directory, options: LMDBEventLogOptions(durability: durability), logger: dataOptions.logger)
        defer { log.close() }
        let payload = [UInt8](repeating: 0x5A, count: payloadBytes)
        let streams = (0..<batchSize).map { "bench-\($0 % 16)" }
        let requests = (0..<transactions).map { _ in SampleEvents.request(streams: streams, payload: payload) }
        let start = ContinuousClock.now
        for request in requests {
            _ = try await log.append(request)
        }
        let seconds = (ContinuousClock.now - start).secondsDouble
        let recordBytes = requests[0].events.reduce(0) { $0 + $1.storedBytes } / batchSize
        return (Double(batchSize * transactions) / seconds, recordBytes)
    }

    private func report(size: Int, log: (eventsPerSecond: Double, recordBytes: Int), raw: RawLMDBBaseline.Measurement) {
        let ratio = log.eventsPerSecond / raw.recordsPerSecond
        if json {
            print(JSONLine([
                ("batch_size", .integer(Int64(size))),
                ("durability", .string(durability.rawValue)),
                ("payload_bytes", .integer(Int64(payloadBytes))),
                ("record_bytes", .integer(Int64(log.recordBytes))),
                ("log_events_per_second", .number(log.eventsPerSecond)),
                ("raw_lmdb_events_per_second", .number(raw.recordsPerSecond)),
                ("ratio_vs_raw_lmdb", .number(ratio)),
            ]).text)
        } else {
            print(String(format: "%5d   %12.0f   %17.0f   %5.2f   %d", size, log.eventsPerSecond, raw.recordsPerSecond, ratio, log.recordBytes))
        }
    }
}
