import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LMDBEventLog {
    /// Copies the live log into `directory` (created, and it must hold no log) as a compacted,
    /// consistent snapshot, while appends go on. The copy opens as a log of its own.
    ///
    /// The copy is written to `data.mdb.partial`, flushed, and only then renamed to `data.mdb`: a
    /// backup that is killed or runs out of disk leaves no file that looks like a log.
    public func backup(to directory: String) throws {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw Self.fileError("cannot create \(directory)")
        }
        let finalPath = directory + "/data.mdb"
        let partialPath = finalPath + ".partial"
        if access(finalPath, F_OK) == 0 {
            throw EventLogError.invalidRequest(reason: "\(directory) already holds a log; back up into an empty directory")
        }
        let descriptor = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.fileError("cannot create \(partialPath)") }
        do {
            let code = try resizeLock.withShared {
                if isClosed { throw EventLogError.closed }
                return mdb_env_copyfd2(environment, descriptor, UInt32(MDB_CP_COMPACT))
            }
            try LMDB.check(code)
            guard fsync(descriptor) == 0 else { throw Self.fileError("cannot flush \(partialPath)") }
        } catch {
            closeFile(descriptor)
            unlink(partialPath)
            throw error
        }
        closeFile(descriptor)
        guard rename(partialPath, finalPath) == 0 else { throw Self.fileError("cannot rename \(partialPath)") }
        try Self.syncDirectory(directory)
    }

    /// Makes a rename in `directory` durable.
    private static func syncDirectory(_ directory: String) throws {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { throw fileError("cannot open \(directory)") }
        defer { closeFile(descriptor) }
        guard fsync(descriptor) == 0 else { throw fileError("cannot flush \(directory)") }
    }

    private static func fileError(_ what: String) -> EventLogError {
        EventLogError.storage(code: errno, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// The C library's `close`, which the log's own `close()` hides inside its extensions.
private func closeFile(_ descriptor: Int32) {
    _ = close(descriptor)
}
