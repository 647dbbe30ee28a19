import CEventLogSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dedicated OS thread, for work that blocks or must never wait behind the cooperative task
/// pool: LMDB write transactions belong to the thread that began them.
final class WriterThread: @unchecked Sendable {
    private let name: String
    private let body: @Sendable () -> Void

    /// `name` (at most 15 bytes on Linux) is what `top -H`, `perf` and debuggers show.
    init(name: String, body: @escaping @Sendable () -> Void) {
        precondition(name.utf8.count <= 15)
        self.name = name
        self.body = body
    }

    func start() {
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let code = pthread_create(&thread, nil, { argument in
            let writer = Unmanaged<WriterThread>.fromOpaque(argument!).takeRetainedValue()
            event_log_name_current_thread(writer.name)
            writer.body()
            return nil
        }, retained)
        precondition(code == 0, "pthread_create failed with \(code)")
        pthread_detach(thread)
    }
}
