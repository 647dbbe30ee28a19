import CLMDB

/// The stream index's layout in LMDB: one entry per stream and commit batch, a *run* of the
/// consecutive versions that batch gave the stream.
///
/// - Key: the stream id's UTF-8 bytes, a 0 byte, then the run's last version (8 bytes,
///   big-endian). Stream ids hold no control characters, so no other stream's key continues the
///   id with a 0 byte: a stream's runs are adjacent, in version order, and a seek to
///   (stream, v) lands on the run that holds v.
/// - Value: the run's event count n (4 bytes, little-endian), the position of its first version
///   (8 bytes, little-endian), then for each of the n - 1 later versions how far its position is
///   from the first (4 bytes, little-endian each, increasing).
///
/// A batch of 64 events to one stream is one put of a 264-byte value rather than 64 entries,
/// which keeps the index's share of a commit's pages and puts small; a stream that gains one
/// event per batch (an order) costs one 12-byte value per event.
enum StreamRuns {
    static let headerBytes = 12
    /// Most versions in one run: a commit that gives a stream more stores several runs. A run
    /// never spans two commits, so its offsets stay far below `UInt32.max`.
    static let countMax = EventLogLimits.commitEventCountMax

    static func valueBytes(count: Int) -> Int { headerBytes + 4 * (count - 1) }

    /// The event count a stored value declares, nil when the value's size does not match it.
    static func count(ofValue value: UnsafeRawBufferPointer) -> Int? {
        guard value.count >= headerBytes else { return nil }
        let count = Int(UInt32(littleEndian: value.loadUnaligned(as: UInt32.self)))
        guard count > 0, count <= countMax, value.count == valueBytes(count: count) else { return nil }
        return count
    }

    /// Lends the key of (stream, version) to `body`.
    static func withKey<Result>(
        streamId: UnsafeRawBufferPointer,
        version: UInt64,
        _ body: (inout MDB_val) throws -> Result
    ) rethrows -> Result {
        let count = streamId.count + 9
        return try withUnsafeTemporaryAllocation(byteCount: count, alignment: 8) { key in
            key.copyMemory(from: streamId)
            key[streamId.count] = 0
            key.storeBytes(of: version.bigEndian, toByteOffset: streamId.count + 1, as: UInt64.self)
            var value = MDB_val(mv_size: count, mv_data: key.baseAddress)
            return try body(&value)
        }
    }

    /// Adds a stream's new entries (consecutive versions, increasing positions, all in one
    /// commit) as one run, or as several of at most `countMax` versions when a commit gave the
    /// stream more. Values are written in place (`MDB_RESERVE`); a run already stored under a key
    /// means the index and the log disagree, and throws.
    static func put(
        streamId: UnsafeRawBufferPointer,
        entries: [StreamIndexEntry],
        cursor: OpaquePointer
    ) throws {
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + countMax, entries.endIndex)
            try putRun(streamId: streamId, entries: entries[start..<end], cursor: cursor)
            start = end
        }
    }

    private static func putRun(
        streamId: UnsafeRawBufferPointer,
        entries: ArraySlice<StreamIndexEntry>,
        cursor: OpaquePointer
    ) throws {
        guard let first = entries.first, let last = entries.last else { return }
        precondition(entries.count <= countMax && last.version - first.version + 1 == UInt64(entries.count))
        try withKey(streamId: streamId, version: last.version) { key in
            var value = MDB_val(mv_size: valueBytes(count: entries.count), mv_data: nil)
            try LMDB.check(mdb_cursor_put(cursor, &key, &value, UInt32(MDB_RESERVE | MDB_NOOVERWRITE)))
            let bytes = UnsafeMutableRawBufferPointer(start: value.mv_data, count: value.mv_size)
            bytes.storeBytes(of: UInt32(entries.count).littleEndian, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: first.position.littleEndian, toByteOffset: 4, as: UInt64.self)
            var offset = headerBytes
            for entry in entries.dropFirst() {
                precondition(entry.position > first.position && entry.position - first.position <= UInt64(UInt32.max))
                bytes.storeBytes(of: UInt32(entry.position - first.position).littleEndian, toByteOffset: offset, as: UInt32.self)
                offset += 4
            }
        }
    }

    /// The stream's last version, 0 when the index has no run of it.
    static func lastVersion(of streamId: UnsafeRawBufferPointer, cursor: OpaquePointer) throws -> UInt64 {
        // Every key of the stream sorts below (id, 1): seek there and step back once.
        var code = withUnsafeTemporaryAllocation(byteCount: streamId.count + 1, alignment: 8) { bound in
            bound.copyMemory(from: streamId)
            bound[streamId.count] = 1
            var key = MDB_val(mv_size: bound.count, mv_data: bound.baseAddress)
            var value = MDB_val()
            return mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
        }
        var key = MDB_val()
        var value = MDB_val()
        code = mdb_cursor_get(cursor, &key, &value, code == MDB_NOTFOUND ? MDB_LAST : MDB_PREV)
        if code == MDB_NOTFOUND { return 0 }
        try LMDB.check(code)
        return try StreamRun(key: key, value: value, streamId: streamId)?.lastVersion ?? 0
    }

    /// The stream's first run that holds `version` or a later one; nil when there is none.
    static func run(
        of streamId: UnsafeRawBufferPointer,
        from version: UInt64,
        cursor: OpaquePointer
    ) throws -> StreamRun? {
        var found = MDB_val()
        var value = MDB_val()
        let code = withKey(streamId: streamId, version: version) { key in
            defer { found = key }
            return mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
        }
        return try storedRun(of: streamId, code: code, key: found, value: value)
    }

    /// The stream's run after the one the cursor is on; nil when that was its last.
    static func nextRun(of streamId: UnsafeRawBufferPointer, cursor: OpaquePointer) throws -> StreamRun? {
        var key = MDB_val()
        var value = MDB_val()
        let code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        return try storedRun(of: streamId, code: code, key: key, value: value)
    }

    private static func storedRun(of streamId: UnsafeRawBufferPointer, code: Int32, key: MDB_val, value: MDB_val) throws -> StreamRun? {
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code)
        return try StreamRun(key: key, value: value, streamId: streamId)
    }
}

/// One stored run, read in place: valid while its transaction lasts and the cursor that found
/// it has not written.
struct StreamRun {
    let lastVersion: UInt64
    let count: Int
    private let value: UnsafeRawBufferPointer

    var firstVersion: UInt64 { lastVersion - UInt64(count) + 1 }

    /// Nil when the entry belongs to another stream; throws when it is malformed.
    init?(key: MDB_val, value: MDB_val, streamId: UnsafeRawBufferPointer) throws {
        let keyBytes = LMDB.bytes(key)
        guard keyBytes.count == streamId.count + 9, keyBytes[streamId.count] == 0,
              streamId.elementsEqual(UnsafeRawBufferPointer(rebasing: keyBytes[0..<streamId.count]))
        else { return nil }
        let lastVersion = UInt64(bigEndian: keyBytes.loadUnaligned(fromByteOffset: streamId.count + 1, as: UInt64.self))
        let bytes = LMDB.bytes(value)
        guard let count = StreamRuns.count(ofValue: bytes), lastVersion >= UInt64(count) else {
            throw EventLogError.storage(
                code: MDB_CORRUPTED,
                message: "stream index run of \(String(decoding: streamId, as: UTF8.self)) up to v\(lastVersion) is malformed")
        }
        self.lastVersion = lastVersion
        self.count = count
        self.value = bytes
    }

    /// Where `version` (one of the run's) is in the log.
    func position(ofVersion version: UInt64) -> UInt64 {
        precondition(version >= firstVersion && version <= lastVersion)
        let first = UInt64(littleEndian: value.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
        let index = Int(version - firstVersion)
        if index == 0 { return first }
        let offset = StreamRuns.headerBytes + 4 * (index - 1)
        return first + UInt64(UInt32(littleEndian: value.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// The positions of the run's versions from `version` on (all of them when `version` is
    /// before the run), in version order.
    func positions(from version: UInt64) -> some Sequence<UInt64> {
        (max(version, firstVersion)...lastVersion).lazy.map { position(ofVersion: $0) }
    }
}
