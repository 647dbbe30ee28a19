import CJemalloc

/// The allocator this tool runs on: jemalloc, linked in place of the C library's malloc, which
/// spent a tenth of the sequencer's time and more under contention between threads that allocate
/// and free each other's memory (Docs/benchmarks.md). Services that embed the library choose their
/// own.
enum Allocator {
    /// "jemalloc" and its version, as the linked library reports it.
    static var name: String {
        var version: UnsafePointer<CChar>?
        var length = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &length, nil, 0) == 0, let version else { return "jemalloc" }
        return "jemalloc " + String(cString: version)
    }
}
