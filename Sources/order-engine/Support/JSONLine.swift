import Foundation

/// One JSON object on one line, keys in the order given: what `--json` prints, for jq and scripts.
struct JSONLine {
    enum Value {
        case string(String)
        case integer(Int64)
        case unsigned(UInt64)
        case number(Double)
        case bool(Bool)
        case null
    }

    private var fields: [(String, Value)] = []

    init(_ fields: [(String, Value)] = []) {
        self.fields = fields
    }

    mutating func add(_ key: String, _ value: Value) {
        fields.append((key, value))
    }

    var text: String {
        "{" + fields.map { "\(Self.quoted($0.0)):\(Self.render($0.1))" }.joined(separator: ",") + "}"
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .unsigned(let number): String(number)
        case .number(let number): number.isFinite ? String(format: "%.3f", number) : "null"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
