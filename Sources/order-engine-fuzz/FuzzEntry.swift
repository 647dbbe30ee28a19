import Foundation
import OrderEngine

/// libFuzzer's entry point (`swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`, see
/// `Tests/fuzz/libfuzzer.sh`): the first byte picks a decoder, the rest is its input. Each decoder
/// must answer with a value or its own typed error; anything else (a trap, another error) is a
/// finding and stops the fuzzer with the input saved.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let selector = bytes.first else { return 0 }
    FuzzDecoders.run(selector: selector, input: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
    return 0
}

/// The decoders that read bytes from outside the process.
enum FuzzDecoders {
    static let recordPosition: UInt64 = 7

    static func run(selector: UInt8, input: UnsafeRawBufferPointer) {
        switch selector % 3 {
        case 0: record(input)
        case 1: event(input)
        default: commandJSON(input)
        }
    }

    /// A stored record: decodes, or is refused as corrupt at its position.
    static func record(_ input: UnsafeRawBufferPointer) {
        do {
            let event = try RecordedEvent(decodingStored: input, position: recordPosition)
            precondition(event.payload.count <= input.count, "a payload longer than its record")
        } catch EventLogError.corruptRecord(position: recordPosition, _) {
        } catch {
            preconditionFailure("record decoding threw \(error)")
        }
    }

    /// An event type tag (2 bytes, little-endian) and a payload: decodes to an event that encodes
    /// back to bytes decoding to the same event, or throws `EventCodecError`.
    static func event(_ input: UnsafeRawBufferPointer) {
        guard input.count >= 2 else { return }
        let eventType = UInt16(input[0]) | UInt16(input[1]) << 8
        let codec = EventCodec()
        guard let event = try? codec.decode(eventType: eventType, schemaVersion: 1, payload: Array(input.dropFirst(2))) else {
            return
        }
        let encoded = codec.encode(event)
        let again = try? codec.decode(eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, payload: encoded.payload)
        precondition(again == event, "\(event) does not survive an encoding round trip")
    }

    /// A `DomainCommand` as JSON: decodes and survives a round trip, or throws `DecodingError`;
    /// a decoded command is decided against an empty shop without trapping.
    static func commandJSON(_ input: UnsafeRawBufferPointer) {
        let command: DomainCommand
        do {
            command = try JSONDecoder().decode(DomainCommand.self, from: Data(input))
        } catch is DecodingError {
            return
        } catch {
            preconditionFailure("command decoding threw \(error)")
        }
        let again = try? JSONDecoder().decode(DomainCommand.self, from: JSONEncoder().encode(command))
        precondition(again == command, "\(command) does not survive a JSON round trip")
        _ = try? Domain.decide(command, DomainStates(), .standard)
    }
}

#if FUZZING
    /// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt
#endif

/// With libFuzzer linked in (`-DFUZZING`), runs its driver over `fuzzOneInput` with libFuzzer's
/// flags. Without it, replays saved inputs (files or directories of files) once each, or writes
/// the seed inputs: `order-engine-fuzz --write-seeds DIR`.
@main
enum FuzzMain {
    static func main() throws {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "--write-seeds", arguments.count == 2 {
                try FuzzSeeds.write(to: arguments[1])
                return
            }
            var count = 0
            for path in arguments {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
                }
                let files = isDirectory.boolValue
                    ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 } : [path]
                for file in files {
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                    bytes.withUnsafeBytes { raw in
                        guard let selector = raw.first else { return }
                        FuzzDecoders.run(selector: selector, input: UnsafeRawBufferPointer(rebasing: raw.dropFirst()))
                    }
                    count += 1
                }
            }
            print("replayed \(count) inputs")
        #endif
    }
}

/// Valid inputs for each decoder, for the fuzzer to start from: the events and JSON commands of
/// a small shop's first order.
enum FuzzSeeds {
    static var commands: [DomainCommand] {
        let now = Timestamp(microsecondsSince1970: 1_700_000_000_000_000)
        let tee = SKUDefinition(
            id: "tee", title: "Tee", price: Money(minorUnits: 9_900, currency: .cny), categoryPath: ["apparel"])
        let address = PostalAddress(
            recipient: "Mei", phone: "13800000000", region: "Shanghai", city: "Shanghai", street: "1 Road", postalCode: "200000")
        return [
            .catalog("tee", .register(tee, at: now)),
            .catalog("tee", .list(at: now)),
            .stock(StockItemID(sku: "tee", warehouse: "sh"), .receive(quantity: 10, at: now)),
            .member("m1", .register(MemberProfile(displayName: "Mei"), at: now)),
            .placeOrder(
                PlaceOrder(
                    order: "o1", member: "m1", lines: [LineQuantity(sku: "tee", quantity: 2)], shippingAddress: address,
                    at: now)),
            .authorizePayment("p1", order: "o1", method: .alipay, amount: Money(minorUnits: 19_800, currency: .cny), at: now),
        ]
    }

    static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var states = DomainStates()
        var seeds: [[UInt8]] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for command in commands {
            seeds.append([2] + Array(try encoder.encode(command)))
            let events = try Domain.decide(command, states, .standard)
            states.apply(events)
            for event in events {
                let encoded = EventCodec().encode(event)
                seeds.append([1, UInt8(encoded.eventType & 0xFF), UInt8(encoded.eventType >> 8)] + encoded.payload)
            }
        }
        for (index, seed) in seeds.enumerated() {
            try Data(seed).write(to: URL(fileURLWithPath: directory + "/seed-\(index)"))
        }
        print("wrote \(seeds.count) seeds")
    }
}
