import Crypto

/// One link of the log's SHA-256 hash chain: it seals one commit batch.
///
/// `hash` = SHA-256(previous link's hash, then the stored bytes of the batch's records, end to end
/// in position order). Records are self-delimiting (their header gives their length), so the
/// concatenation names one sequence of records. The first link's predecessor is 32 zero bytes.
/// Changing, removing or reordering any record breaks every link from its batch on.
struct ChainLink: Sendable, Hashable {
    static let genesisHash = [UInt8](repeating: 0, count: 32)
    static let encodedBytes = 8 + 32

    var firstPosition: UInt64
    var lastPosition: UInt64
    var hash: [UInt8]

    /// Stored value: first position (8 bytes, little-endian) then the hash. The key is the last
    /// position, big-endian.
    func encodedValue() -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.encodedBytes)
        withUnsafeBytes(of: firstPosition.littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: hash)
        return bytes
    }

    static func decode(lastPosition: UInt64, value: UnsafeRawBufferPointer) -> ChainLink? {
        guard value.count == encodedBytes else { return nil }
        return ChainLink(
            firstPosition: UInt64(littleEndian: value.loadUnaligned(as: UInt64.self)),
            lastPosition: lastPosition,
            hash: Array(value[8...])
        )
    }
}

/// Recomputes one batch's link, record by record: what the verifier does.
struct ChainHasher {
    private var hasher = SHA256()

    init(previousHash: [UInt8]) {
        hasher.update(data: previousHash)
    }

    mutating func add(record: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: record)
    }

    consuming func finish() -> [UInt8] {
        Array(hasher.finalize())
    }
}
