import FoundationEssentials

/// The binary layout of one stored record (layout version 1, little-endian fields):
///
/// ```
/// offset size field
///      0    4 CRC-32C of the position (8 bytes, big-endian) followed by bytes 4..<end
///      4    1 layout version (1)
///      5    1 stream id length
///      6    2 event type
///      8    2 schema version
///     10    1 actor length
///     11    1 reserved (0)
///     12    4 payload length
///     16    8 stream version
///     24    8 timestamp, microseconds since 1970
///     32   16 command id
///     48   16 correlation id
///     64   16 causation id
///     80    . stream id, actor, payload
/// ```
///
/// Seeding the checksum with the position makes a record moved to another position fail its check.
enum RecordCodec {
    static let layoutVersion: UInt8 = 1
    static let headerBytes = 80

    /// The exact number of bytes `encode` writes for `event`.
    static func encodedBytes(_ event: borrowing ProposedEvent) -> Int {
        headerBytes + event.streamId.utf8.count + event.metadata.actor.utf8.count + event.payload.count
    }

    /// Writes `event` at `position` into `buffer`, which must be exactly `encodedBytes(event)` long.
    static func encode(
        _ event: ProposedEvent,
        position: UInt64,
        streamVersion: UInt64,
        into buffer: UnsafeMutableRawBufferPointer
    ) {
        withUnsafePointer(to: event) { encode($0, position: position, streamVersion: streamVersion, into: buffer) }
    }

    /// `encode` for an event the caller lends by address: the writer's path, where passing the
    /// event by value would copy it (four reference counts) for every record.
    static func encode(
        _ event: UnsafePointer<ProposedEvent>,
        position: UInt64,
        streamVersion: UInt64,
        into buffer: UnsafeMutableRawBufferPointer
    ) {
        let streamIdCount = event.pointee.streamId.utf8.count
        let actorCount = event.pointee.metadata.actor.utf8.count
        let payloadCount = event.pointee.payload.count
        precondition(buffer.count == headerBytes + streamIdCount + actorCount + payloadCount)
        precondition(streamIdCount <= Int(UInt8.max) && actorCount <= Int(UInt8.max))
        buffer.storeBytes(of: layoutVersion, toByteOffset: 4, as: UInt8.self)
        buffer.storeBytes(of: UInt8(streamIdCount), toByteOffset: 5, as: UInt8.self)
        buffer.storeBytes(of: event.pointee.eventType.littleEndian, toByteOffset: 6, as: UInt16.self)
        buffer.storeBytes(of: event.pointee.schemaVersion.littleEndian, toByteOffset: 8, as: UInt16.self)
        buffer.storeBytes(of: UInt8(actorCount), toByteOffset: 10, as: UInt8.self)
        buffer.storeBytes(of: UInt8(0), toByteOffset: 11, as: UInt8.self)
        buffer.storeBytes(of: UInt32(payloadCount).littleEndian, toByteOffset: 12, as: UInt32.self)
        buffer.storeBytes(of: streamVersion.littleEndian, toByteOffset: 16, as: UInt64.self)
        buffer.storeBytes(of: event.pointee.metadata.timestampMicroseconds.littleEndian, toByteOffset: 24, as: Int64.self)
        store(event.pointee.metadata.commandId, into: buffer, at: 32)
        store(event.pointee.metadata.correlationId, into: buffer, at: 48)
        store(event.pointee.metadata.causationId, into: buffer, at: 64)
        var offset = headerBytes
        offset += copy(event.pointee.streamId, into: buffer, at: offset)
        offset += copy(event.pointee.metadata.actor, into: buffer, at: offset)
        event.pointee.payload.withUnsafeBytes { payload in
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyMemory(from: payload)
        }
        buffer.storeBytes(of: checksum(of: UnsafeRawBufferPointer(buffer), position: position).littleEndian, as: UInt32.self)
    }

    /// The checksum a record at `position` with these bytes must carry.
    static func checksum(of record: UnsafeRawBufferPointer, position: UInt64) -> UInt32 {
        var positionBigEndian = position.bigEndian
        let seed = withUnsafeBytes(of: &positionBigEndian) { CRC32C.checksum($0) }
        return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: record[4...]), extending: seed)
    }

    /// Checks the record's structure and checksum; returns what is wrong, or nil when it is sound.
    static func problem(in record: UnsafeRawBufferPointer, position: UInt64) -> String? {
        guard record.count >= headerBytes else {
            return "record is \(record.count) bytes, shorter than its \(headerBytes)-byte header"
        }
        let stored = UInt32(littleEndian: record.loadUnaligned(as: UInt32.self))
        guard stored == checksum(of: record, position: position) else { return "checksum mismatch" }
        let view = RecordView(bytes: record)
        guard record[4] == layoutVersion else { return "unknown record layout version \(record[4])" }
        guard headerBytes + view.streamIdCount + view.actorCount + view.payloadCount == record.count else {
            return "field lengths do not add up to the record's size"
        }
        guard view.streamVersion > 0 else { return "stream version 0" }
        return nil
    }

    /// Decodes a record after checking it; a damaged record is an `EventLogError.corruptRecord`.
    static func decode(_ record: UnsafeRawBufferPointer, position: UInt64) throws -> RecordedEvent {
        if let problem = problem(in: record, position: position) {
            throw EventLogError.corruptRecord(position: position, problem: problem)
        }
        return RecordView(bytes: record).recordedEvent(position: position)
    }

    private static func store(_ id: UUID, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        withUnsafeBytes(of: id.uuid) { bytes in
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + 16)]).copyMemory(from: bytes)
        }
    }

    private static func copy(_ text: String, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).copyMemory(from: UnsafeRawBufferPointer(bytes))
            return bytes.count
        }
    }
}

/// A borrowed, zero-copy view of one stored record. Valid only while its bytes are (inside the
/// read transaction that produced them). It does not check the checksum: `RecordCodec` does.
public struct RecordView {
    let bytes: UnsafeRawBufferPointer

    var streamIdCount: Int { Int(bytes[5]) }
    var actorCount: Int { Int(bytes[10]) }
    var payloadCount: Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self))) }

    /// The event's type tag.
    public var eventType: UInt16 { UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 6, as: UInt16.self)) }
    /// The payload's schema version.
    public var schemaVersion: UInt16 { UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) }
    /// The event's version in its stream.
    public var streamVersion: UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) }
    /// The command's timestamp, microseconds since 1970.
    public var timestampMicroseconds: Int64 {
        Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: Int64.self))
    }
    /// The stream id's UTF-8 bytes.
    public var streamIdBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[RecordCodec.headerBytes..<(RecordCodec.headerBytes + streamIdCount)])
    }
    /// The payload bytes, borrowed.
    public var payload: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - payloadCount)...])
    }

    var streamId: String { String(decoding: streamIdBytes, as: UTF8.self) }

    func recordedEvent(position: UInt64) -> RecordedEvent {
        let actorStart = RecordCodec.headerBytes + streamIdCount
        let actor = String(decoding: bytes[actorStart..<(actorStart + actorCount)], as: UTF8.self)
        return RecordedEvent(
            position: position,
            streamVersion: streamVersion,
            streamId: streamId,
            eventType: eventType,
            schemaVersion: schemaVersion,
            metadata: EventMetadata(
                commandId: uuid(at: 32),
                correlationId: uuid(at: 48),
                causationId: uuid(at: 64),
                timestampMicroseconds: timestampMicroseconds,
                actor: actor
            ),
            payload: Array(payload)
        )
    }

    private func uuid(at offset: Int) -> UUID {
        UUID(uuid: bytes.loadUnaligned(fromByteOffset: offset, as: uuid_t.self))
    }
}

extension ProposedEvent {
    /// How many bytes the log stores for this event (header, stream id, actor and payload).
    public var storedBytes: Int { RecordCodec.encodedBytes(self) }
}

extension RecordedEvent {
    /// Decodes one stored record as it lies in the `records` table, checking its checksum and
    /// structure: for tools that read raw records (and for fuzzing the decoder). A record that
    /// fails a check throws `EventLogError.corruptRecord` naming `position`.
    public init(decodingStored record: UnsafeRawBufferPointer, position: UInt64) throws {
        self = try RecordCodec.decode(record, position: position)
    }
}
