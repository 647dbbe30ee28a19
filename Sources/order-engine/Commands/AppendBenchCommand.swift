import ArgumentParser
import Foundation
import OrderEngine

/// The log's append rate against a plain LMDB loop, at several batch sizes, in one run on one
/// disk, the two taking turns: the ratio is what carries over between machines.
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

    /// The log and the raw loop take turns, this many transactions each, so that a machine
    /// whose speed drifts during the run (shared cores, disk cache) slows both alike.
    static let transactionsPerTurn = 25
    /// Each batch's events go round-robin to this many streams.
    static let streamCount = 16

    func run() async throws {
        let sizes = batchSizes.split(separator: ",").compactMap { Int($0) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 && $0 <= EventLogLimits.requestEventCountMax }) else {
            throw ValidationError("--batch-sizes must be numbers in 1...\(EventLogLimits.requestEventCountMax)")
        }
        let scratch = try ScratchDirectory(prefix: "order-engine-append-bench")
        defer { scratch.remove() }
        if !json {
            print("        log         raw LMDB, same puts    raw LMDB, records only")
            print("batch   events/s    events/s    ratio      events/s    ratio      record bytes")
        }
        for size in sizes {
            let transactions = min(2000, max(50, events / size))
            let measured = try await measure(batchSize: size, transactions: transactions, directory: scratch.path + "/\(size)")
            report(size: size, measured)
        }
    }

    private struct Measurement {
        var events = 0
        var logSeconds = 0.0
        var rawSeconds = 0.0
        var recordsOnlySeconds = 0.0
        var recordBytes = 0
        var logEventsPerSecond: Double { Double(events) / logSeconds }
        var rawEventsPerSecond: Double { Double(events) / rawSeconds }
        var recordsOnlyEventsPerSecond: Double { Double(events) / recordsOnlySeconds }
    }

    /// Appends `transactions` batches of `batchSize` events to the log and as many batches to two
    /// raw LMDB loops beside it (the log's puts; records alone), in turns.
    private func measure(batchSize: Int, transactions: Int, directory: String) async throws -> Measurement {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = try LMDBEventLog(path: directory + "/log", options: LMDBEventLogOptions(durability: durability), logger: dataOptions.logger)
        defer { log.close() }
        let payload = [UInt8](repeating: 0x5A, count: payloadBytes)
        let streams = (0..<batchSize).map { "bench-\($0 % Self.streamCount)" }
        let requests = (0..<transactions).map { _ in SampleEvents.request(streams: streams, payload: payload) }
        var measured = Measurement()
        measured.recordBytes = requests[0].events.reduce(0) { $0 + $1.storedBytes } / batchSize
        let mapSizeBytes = max(1 << 30, transactions * batchSize * (measured.recordBytes + 64) * 2)
        let raw = try RawLMDBAppender(
            directory: directory + "/raw", durability: durability, writes: .logTables(streamCount: Self.streamCount),
            mapSizeBytes: mapSizeBytes)
        let recordsOnly = try RawLMDBAppender(
            directory: directory + "/raw-records", durability: durability, writes: .records, mapSizeBytes: mapSizeBytes)
        let record = [UInt8](repeating: 0xA5, count: measured.recordBytes)
        for turn in stride(from: 0, to: transactions, by: Self.transactionsPerTurn) {
            let turnRequests = requests[turn..<min(transactions, turn + Self.transactionsPerTurn)]
            let logStart = ContinuousClock.now
            for request in turnRequests {
                _ = try await log.append(request)
            }
            measured.logSeconds += (ContinuousClock.now - logStart).secondsDouble
            let rawStart = ContinuousClock.now
            for _ in turnRequests {
                try raw.appendBatch(count: batchSize, record: record)
            }
            measured.rawSeconds += (ContinuousClock.now - rawStart).secondsDouble
            let recordsOnlyStart = ContinuousClock.now
            for _ in turnRequests {
                try recordsOnly.appendBatch(count: batchSize, record: record)
            }
            measured.recordsOnlySeconds += (ContinuousClock.now - recordsOnlyStart).secondsDouble
            measured.events += turnRequests.count * batchSize
        }
        return measured
    }

    private func report(size: Int, _ measured: Measurement) {
        let ratio = measured.logEventsPerSecond / measured.rawEventsPerSecond
        let recordsOnlyRatio = measured.logEventsPerSecond / measured.recordsOnlyEventsPerSecond
        if json {
            print(JSONLine([
                ("batch_size", .integer(Int64(size))),
                ("durability", .string(durability.rawValue)),
                ("payload_bytes", .integer(Int64(payloadBytes))),
                ("record_bytes", .integer(Int64(measured.recordBytes))),
                ("log_events_per_second", .number(measured.logEventsPerSecond)),
                ("raw_lmdb_events_per_second", .number(measured.rawEventsPerSecond)),
                ("ratio_vs_raw_lmdb", .number(ratio)),
                ("raw_lmdb_records_only_events_per_second", .number(measured.recordsOnlyEventsPerSecond)),
                ("ratio_vs_raw_lmdb_records_only", .number(recordsOnlyRatio)),
            ]).text)
        } else {
            print(String(
                format: "%5d   %9.0f   %9.0f   %5.2f    %9.0f   %5.2f      %d",
                size, measured.logEventsPerSecond, measured.rawEventsPerSecond, ratio,
                measured.recordsOnlyEventsPerSecond, recordsOnlyRatio, measured.recordBytes))
        }
    }
}
