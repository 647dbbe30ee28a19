import Foundation

/// A new, empty directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init(prefix: String) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
