#if canImport(Glibc)
import Glibc
#endif

/// Asks Linux to back a large hash table with transparent huge pages (2 MiB).
///
/// A replay sizes its orders, payments and parcels tables for the whole log up front, then
/// touches them at places the hash scatters over tens of megabytes. With 4 KiB pages the working
/// set spans thousands of pages, more than the TLB holds, so most look-ups paid a page-table walk
/// on top of the cache miss: finding an id was a third of applying events. Backed by 2 MiB pages
/// the same tables need a few dozen TLB entries.
///
/// The advice is a hint. It changes no byte of the table, and where the kernel has no huge page
/// to give, or the system turned them off, the table keeps small pages.
enum HugePages {
    /// The huge page size of x86-64 and 4 KiB-granule arm64 Linux.
    static let byteCount = 2 << 20

    /// Advises the whole huge pages inside `table`'s storage; returns whether there were any.
    @discardableResult
    static func advise<Key, Value>(_ table: [Key: Value]) -> Bool {
        #if os(Linux)
        guard let range = advisableRange(of: table) else { return false }
        return madvise(UnsafeMutableRawPointer(bitPattern: range.lowerBound), range.count, MADV_HUGEPAGE) == 0
        #else
        return false
        #endif
    }

    /// The addresses, rounded in to whole huge pages, of `table`'s keys and values; nil when that
    /// is less than one huge page.
    ///
    /// Without Objective-C interop a `Dictionary` is one reference to its storage: a single heap
    /// block that starts with the object's header and a bitmap, then holds every bucket's key,
    /// then every bucket's value. A table of capacity `c` has the least power of two of buckets
    /// whose three quarters hold `c`, and that many bytes of keys and values from the block's
    /// start lie inside the block, since the header and bitmap come first.
    static func advisableRange<Key, Value>(of table: [Key: Value]) -> Range<UInt>? {
        guard MemoryLayout<[Key: Value]>.size == MemoryLayout<UnsafeRawPointer>.size, table.capacity > 0 else {
            return nil
        }
        var bucketCount = 1
        while bucketCount / 4 * 3 < table.capacity { bucketCount *= 2 }
        let (byteCount, overflow) = bucketCount.multipliedReportingOverflow(
            by: MemoryLayout<Key>.stride + MemoryLayout<Value>.stride)
        guard !overflow else { return nil }
        let start = UInt(bitPattern: unsafeBitCast(table, to: Int.self))
        let page = UInt(Self.byteCount)
        let first = (start + page - 1) & ~(page - 1)
        let end = (start + UInt(byteCount)) & ~(page - 1)
        return first < end ? first..<end : nil
    }
}
