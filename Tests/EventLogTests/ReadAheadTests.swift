import Foundation
import Testing

@testable import EventLog

#if os(Linux)
/// A log opened for scanning lets the kernel read ahead; a live log does not. LMDB turns read-ahead
/// off by advising random access on its map, which `/proc/self/smaps` shows as the `rr` flag.
@Suite("Read-ahead")
struct ReadAheadTests {
    @Test(arguments: [false, true])
    func theMapAdvisesRandomAccessUnlessReadingAhead(readAhead: Bool) throws {
        let scratch = ScratchDirectory()
        let path = scratch.subdirectory("log")
        try LMDBEventLog(path: path, options: LMDBEventLogOptions(durability: .none), logger: testLogger).close()
        let log = try LMDBEventLog(
            path: path, options: LMDBEventLogOptions(readOnly: true, readAhead: readAhead), logger: testLogger)
        defer { log.close() }
        let flags = try #require(try Self.vmFlags(ofMappingOf: path + "/data.mdb"))
        #expect(flags.contains("rr") == !readAhead)
    }

    /// The `VmFlags` of this process's mapping of `file`, from `/proc/self/smaps`; nil when the
    /// file is not mapped.
    private static func vmFlags(ofMappingOf file: String) throws -> [Substring]? {
        // Files under /proc report no size, so read to the end rather than by size.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var inside = false
        for line in smaps.split(separator: "\n") {
            if line.first?.isHexDigit == true, line.contains("-") {
                inside = line.hasSuffix(" " + file)
            } else if inside, line.hasPrefix("VmFlags:") {
                return Array(line.split(separator: " ").dropFirst())
            }
        }
        return nil
    }
}
#endif
