#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on a data directory, so that exactly one writer (in any process)
/// owns a log. The kernel drops it when the process dies, even by SIGKILL.
final class DirectoryLock: Sendable {
    static let fileName = "writer.lock"

    private let descriptor: Int32

    /// Takes the lock or throws `EventLogError.alreadyOpen` at once; it never waits.
    init(directory: String) throws {
        let path = directory + "/" + Self.fileName
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EventLogError.storage(code: errno, message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw EventLogError.alreadyOpen(path: directory) }
            throw EventLogError.storage(code: code, message: "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
