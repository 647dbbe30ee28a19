/// What the verifier reads from a storage engine, in a consistent snapshot.
protocol VerificationSource: AnyObject {
    /// Calls `body` for each stored record in key order, with bytes valid during the call,
    /// until `body` returns false.
    func forEachRecord(_ body: (UInt64, UnsafeRawBufferPointer) throws -> Bool) throws
    /// The next hash-chain link in position order, nil after the last.
    func nextChainLink() throws -> ChainLink?
    /// The position the stream index holds for this stream and version.
    func indexedPosition(streamId: UnsafeRawBufferPointer, version: UInt64) throws -> UInt64?
    /// How many (stream, version) entries the stream index holds.
    func indexEntryCount() throws -> UInt64
}

/// Checks a whole log: positions without gaps, every record's structure and checksum, the stream
/// index, and the hash chain batch by batch. Stops at the first problem and names its position.
enum LogVerifier {
    static func verify(_ source: some VerificationSource) throws -> VerificationReport {
        var checked: UInt64 = 0
        func failure(_ position: UInt64?, _ problem: String) -> VerificationReport {
            VerificationReport(ok: false, eventCount: checked, firstBadPosition: position, problem: problem)
        }
        var expectedPosition: UInt64 = 1
        var hasher = ChainHasher(previousHash: ChainLink.genesisHash)
        var link: ChainLink?
        var found: VerificationReport?
        try source.forEachRecord { (position, bytes) throws -> Bool in
            if position != expectedPosition {
                found = failure(expectedPosition, "record missing: the next stored position is \(position)")
                return false
            }
            if link == nil {
                link = try source.nextChainLink()
                guard let link else {
                    found = failure(position, "record is not sealed by the hash chain")
                    return false
                }
                if link.firstPosition != position {
                    found = failure(position, "hash chain link starts at position \(link.firstPosition)")
                    return false
                }
            }
            if let problem = RecordCodec.problem(in: bytes, position: position) {
                found = failure(position, problem)
                return false
            }
            let view = RecordView(bytes: bytes)
            let indexed = try source.indexedPosition(streamId: view.streamIdBytes, version: view.streamVersion)
            if indexed != position {
                found = failure(position, "stream index does not point at this record (\(view.streamId) v\(view.streamVersion))")
                return false
            }
            hasher.add(record: bytes)
            checked += 1
            expectedPosition += 1
            if let current = link, current.lastPosition == position {
                let hash = hasher.finish()
                if hash != current.hash {
                    found = failure(current.firstPosition, "hash chain broken in the batch \(current.firstPosition)...\(current.lastPosition)")
                    return false
                }
                hasher = ChainHasher(previousHash: hash)
                link = nil
            }
            return true
        }
        if let found { return found }
        if let link {
            return failure(expectedPosition, "records \(expectedPosition)...\(link.lastPosition) of a sealed batch are missing")
        }
        if let extra = try source.nextChainLink() {
            return failure(expectedPosition, "records \(extra.firstPosition)...\(extra.lastPosition) are sealed by the hash chain but missing")
        }
        let indexCount = try source.indexEntryCount()
        if indexCount != checked {
            return failure(nil, "stream index holds \(indexCount) entries for \(checked) records")
        }
        return VerificationReport(ok: true, eventCount: checked, firstBadPosition: nil, problem: nil)
    }
}
