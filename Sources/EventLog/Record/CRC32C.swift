import CEventLogSupport

/// CRC-32C (Castagnoli): the checksum every record carries. Computed in C to use the CPU's
/// CRC32 instruction, about ten times faster than a table.
enum CRC32C {
    /// Extends `crc` (the value returned by an earlier call, or 0 to start) over `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer, extending crc: UInt32 = 0) -> UInt32 {
        event_log_crc32c(crc, bytes.baseAddress, bytes.count)
    }

    static func checksum(_ bytes: [UInt8], extending crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, extending: crc) }
    }
}
