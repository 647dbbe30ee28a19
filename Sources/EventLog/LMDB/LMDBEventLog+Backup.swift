import CLMDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LMDBEventLog {
    /// Copies the live log into `directory` (created, and it must be empty) as a compacted,
    /// consistent snapshot, while appends go on. The copy opens as a log of its own.
    public func backup(to directory: String) throws {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw EventLogError.storage(code: errno, message: "cannot create \(directory): \(String(cString: strerror(errno)))")
        }
        let code = try resizeLock.withShared {
            if isClosed { throw EventLogError.closed }
            return mdb_env_copy2(environment, directory, UInt32(MDB_CP_COMPACT))
        }
        if code == EEXIST {
            throw EventLogError.invalidRequest(reason: "\(directory) already holds a log; back up into an empty directory")
        }
        try LMDB.check(code)
    }
}
