import OrderEngine
import Synchronization

/// The demo's clock: it stands still until the script moves it, so every run on a fresh directory
/// stamps the same times on the same events.
final class DemoClock: EngineClock {
    private let microseconds: Atomic<Int64>

    init(start: Timestamp) {
        microseconds = Atomic(start.microsecondsSince1970)
    }

    func nowMicroseconds() -> Int64 {
        microseconds.load(ordering: .acquiring)
    }

    var now: Timestamp { Timestamp(microsecondsSince1970: nowMicroseconds()) }

    /// Moves the clock forward to `time`; a script that goes back in time is a bug.
    func advance(to time: Timestamp) {
        precondition(time >= now, "the demo's clock never runs backwards")
        microseconds.store(time.microsecondsSince1970, ordering: .releasing)
    }
}

/// The demo's day, 11 November 2026 (Singles' Day), in China Standard Time (UTC+8, no daylight saving).
enum DemoDay {
    /// 2026-11-11 00:00 in Shanghai, in microseconds since 1970.
    static let midnightMicroseconds: Int64 = 1_794_326_400_000_000
    static let minuteMicroseconds: Int64 = 60_000_000

    /// `hour:minute` on the demo day.
    static func time(_ hour: Int, _ minute: Int) -> Timestamp {
        precondition((0..<24).contains(hour) && (0..<60).contains(minute), "a time of day")
        return Timestamp(microsecondsSince1970: midnightMicroseconds + Int64(hour * 60 + minute) * minuteMicroseconds)
    }

    /// `HH:mm` on the demo day, or `+Nd HH:mm` on a later day.
    static func clockText(_ time: Timestamp) -> String {
        let minutes = (time.microsecondsSince1970 - midnightMicroseconds) / minuteMicroseconds
        let (days, minuteOfDay) = minutes.quotientAndRemainder(dividingBy: 24 * 60)
        let text = twoDigits(minuteOfDay / 60) + ":" + twoDigits(minuteOfDay % 60)
        return days == 0 ? text : "+\(days)d \(text)"
    }

    /// The ISO 8601 form, for JSON.
    static func isoText(_ time: Timestamp) -> String {
        "2026-11-11T" + clockText(time) + ":00+08:00"
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
