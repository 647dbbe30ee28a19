import OrderEngine
import Synchronization

/// Counters the service keeps for `GET /metrics`: commands by name and outcome, and the
/// submit-to-answer latency of commands as the service saw it.
final class ServiceMetrics: Sendable {
    private struct State {
        var commands: [CommandKey: UInt64] = [:]
        var latency = BucketHistogram(
            upperBounds: [0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5])
    }

    private struct CommandKey: Hashable {
        let command: String
        let outcome: String
    }

    private let state = Mutex(State())

    /// Counts one answered command; `outcome` is `accepted`, `duplicate` or the problem's code.
    func record(command: String, outcome: String, seconds: Double) {
        state.withLock { state in
            state.commands[CommandKey(command: command, outcome: outcome), default: 0] += 1
            state.latency.record(seconds)
        }
    }

    /// The Prometheus text exposition (version 0.0.4) of these counters, the engine's statistics
    /// and the log position.
    func exposition(engine: EngineStatistics, logPosition: UInt64) -> String {
        let (commands, latency) = state.withLock { ($0.commands, $0.latency) }
        var text = ""
        text += "# HELP order_engine_commands_total Commands answered over HTTP, by command and outcome.\n"
        text += "# TYPE order_engine_commands_total counter\n"
        for (key, count) in commands.sorted(by: { ($0.key.command, $0.key.outcome) < ($1.key.command, $1.key.outcome) }) {
            text += "order_engine_commands_total{command=\"\(key.command)\",outcome=\"\(key.outcome)\"} \(count)\n"
        }
        text += histogram(
            "order_engine_command_seconds", "Seconds from receiving a command to answering it.", latency)
        text += "# HELP order_engine_batches_total Batches the sequencer committed.\n"
        text += "# TYPE order_engine_batches_total counter\n"
        text += "order_engine_batches_total \(engine.batchCount)\n"
        text += histogram("order_engine_batch_size", "Commands per committed batch.", engine.batchSizes)
        text += histogram(
            "order_engine_commit_seconds", "Seconds per batch from deciding to durability.", engine.commitSeconds)
        text += "# HELP order_engine_log_position Position of the last durable event.\n"
        text += "# TYPE order_engine_log_position gauge\n"
        text += "order_engine_log_position \(logPosition)\n"
        return text
    }

    private func histogram(_ name: String, _ help: String, _ histogram: BucketHistogram) -> String {
        var text = "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        var cumulative: UInt64 = 0
        for (bound, count) in zip(histogram.upperBounds, histogram.counts) {
            cumulative += count
            text += "\(name)_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        text += "\(name)_bucket{le=\"+Inf\"} \(histogram.count)\n"
        text += "\(name)_sum \(histogram.sum)\n\(name)_count \(histogram.count)\n"
        return text
    }
}
