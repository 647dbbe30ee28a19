import Foundation
import OrderDomain
import Testing

@testable import OrderEngine

/// Huge page advice covers only whole huge pages inside a table's keys and values, and on Linux
/// the kernel takes it: the advised range shows the `hg` flag in `/proc/self/smaps`.
@Suite("Huge pages")
struct HugePagesTests {
    @Test func anEmptyOrSmallTableIsNotAdvised() {
        let empty: [OrderID: Int] = [:]
        #expect(HugePages.advisableRange(of: empty) == nil)
        #expect(!HugePages.advise(empty))
        var small: [OrderID: Int] = [:]
        small.reserveCapacity(1_000)
        #expect(HugePages.advisableRange(of: small) == nil)
    }

    @Test func theRangeIsWholeHugePagesInsideTheKeysAndValues() throws {
        var table: [OrderID: OrderState] = [:]
        table.reserveCapacity(100_000)
        let range = try #require(HugePages.advisableRange(of: table))
        let page = UInt(HugePages.byteCount)
        #expect(range.lowerBound % page == 0 && range.upperBound % page == 0)
        // 262,144 buckets: three quarters of 131,072 is less than 100,000.
        let storage = UInt(bitPattern: unsafeBitCast(table, to: Int.self))
        let keysAndValues = UInt(262_144 * (MemoryLayout<OrderID>.stride + MemoryLayout<OrderState>.stride))
        #expect(range.lowerBound >= storage && range.upperBound <= storage + keysAndValues)
        #expect(UInt(range.count) + 2 * page > keysAndValues)
    }

    #if os(Linux)
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage")))
    func theKernelMarksTheAdvisedRange() throws {
        var table: [OrderID: OrderState] = [:]
        table.reserveCapacity(100_000)
        let range = try #require(HugePages.advisableRange(of: table))
        #expect(HugePages.advise(table))
        #expect(try Self.vmFlags(at: range.lowerBound).contains("hg"))
        withExtendedLifetime(table) {}
    }

    /// The `VmFlags` of the mapping that holds `address`, from `/proc/self/smaps`.
    private static func vmFlags(at address: UInt) throws -> [Substring] {
        // Files under /proc report no size, so read to the end rather than by size.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if let bounds = fields.first?.split(separator: "-"), bounds.count == 2,
                let low = UInt(bounds[0], radix: 16), let high = UInt(bounds[1], radix: 16)
            {
                inside = low <= address && address < high
            } else if inside, fields.first == "VmFlags:" {
                return Array(fields.dropFirst())
            }
        }
        Issue.record("no mapping holds \(String(address, radix: 16))")
        return []
    }
    #endif
}
