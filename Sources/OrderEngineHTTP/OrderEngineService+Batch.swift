import Foundation
import Hummingbird
import OrderEngine

extension OrderEngineService {
    /// `POST /v1/commands/batch`: many commands in one request, executed in order, one result
    /// each. Every entry names a command route (`orders.place`), its path parameters, its body and
    /// optionally its own idempotency key; an entry that fails to decode or is not allowed fails
    /// alone.
    func executeBatch(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let principal = try principal(request)
        let buffer = try await request.body.collect(upTo: limits.batchBodyByteCountMax)
        let entries = try batchEntries(Data(buffer: buffer))
        var prepared: [Result<EngineCommand, Problem>] = []
        prepared.reserveCapacity(entries.count)
        for entry in entries {
            prepared.append(
                Result { () throws(Problem) -> EngineCommand in
                    let entry = try entry.get()
                    guard let route = CommandRoute.byName[entry.command] else {
                        throw .invalid("command", "no command is named \(entry.command)")
                    }
                    return try prepare(
                        route, parameters: entry.parameters, body: entry.body, idempotencyKey: entry.idempotencyKey,
                        principal: principal)
                })
        }
        let commands = prepared.compactMap { try? $0.get() }
        var executed = await engine.execute(contentsOf: commands).makeIterator()
        var json = Data(#"{"results":["#.utf8)
        for (index, preparation) in prepared.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            let result: Result<CommandOutcome, Problem> =
                switch preparation {
                case .success: executed.next()!.mapError { Problem($0) }
                case .failure(let problem): .failure(problem)
                }
            let name = (try? entries[index].get().command).flatMap { CommandRoute.byName[$0]?.name } ?? "unknown"
            record(name, result, since: started)
            switch result {
            case .success(let outcome):
                json.append(contentsOf: #"{"duplicate":\#(outcome.duplicate),"result":"#.utf8)
                json.append(CommandResultJSON.bytes(outcome))
                json.append(contentsOf: #","status":200}"#.utf8)
            case .failure(let problem):
                json.append(contentsOf: #"{"problem":"#.utf8)
                json.append(Self.encoded(problem))
                json.append(contentsOf: #","status":\#(problem.status)}"#.utf8)
            }
        }
        json.append(contentsOf: "]}".utf8)
        return .json(bytes: json)
    }

    struct BatchEntry {
        var command: String
        var parameters: [String: String]
        var body: Data
        var idempotencyKey: String?
    }

    /// Splits the batch document into entries; the document's own shape errors fail the request.
    private func batchEntries(_ bytes: Data) throws(Problem) -> [Result<BatchEntry, Problem>] {
        guard let document = try? JSONSerialization.jsonObject(with: bytes) else {
            throw .malformed("the body is not valid JSON")
        }
        guard let object = document as? [String: Any], let list = object["commands"] as? [Any] else {
            throw .invalid("commands", "is required and must be an array")
        }
        guard !list.isEmpty, list.count <= limits.batchCommandCountMax else {
            throw .invalid("commands", "must hold 1...\(limits.batchCommandCountMax) entries")
        }
        return list.enumerated().map { index, item in
            Result { () throws(Problem) -> BatchEntry in
                let at = "commands[\(index)]"
                guard let entry = item as? [String: Any] else { throw .invalid(at, "must be an object") }
                guard let command = entry["command"] as? String else { throw .invalid(at + ".command", "is required") }
                var parameters: [String: String] = [:]
                if let given = entry["parameters"] {
                    guard let strings = given as? [String: String] else {
                        throw .invalid(at + ".parameters", "must map names to strings")
                    }
                    parameters = strings
                }
                var body = Data()
                if let given = entry["body"] {
                    guard let encoded = try? JSONSerialization.data(withJSONObject: given, options: [.fragmentsAllowed])
                    else { throw .invalid(at + ".body", "is not JSON") }
                    body = encoded
                }
                let key = entry["idempotencyKey"]
                guard key == nil || key is String else { throw .invalid(at + ".idempotencyKey", "must be a string") }
                return BatchEntry(
                    command: command, parameters: parameters, body: body, idempotencyKey: key as? String)
            }
        }
    }

    static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
