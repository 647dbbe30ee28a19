import Foundation
import Hummingbird
import OrderEngine

/// An error answered as `application/problem+json` (RFC 9457) with a stable `code`.
///
/// Every failure the adapter returns is one of these, so clients branch on `code` and never
/// parse prose. Client mistakes are 4xx; only faults of the service itself are 5xx.
public struct Problem: Error, Sendable, Hashable, Encodable {
    /// One field that failed validation.
    public struct FieldError: Sendable, Hashable, Encodable {
        /// Where the field is, as a JSON path such as `lines[0].quantity`, or a parameter name.
        public var field: String
        /// What is wrong with it.
        public var message: String
    }

    /// The HTTP status.
    public var status: Int
    /// The stable machine-readable code, such as `insufficient_stock`.
    public var code: String
    /// A short summary of the kind of problem.
    public var title: String
    /// What went wrong this time.
    public var detail: String
    /// Per-field details for `validation_failed`.
    public var errors: [FieldError]?

    /// Creates a problem.
    public init(status: Int, code: String, title: String, detail: String, errors: [FieldError]? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    /// `type` is a URN built from the code, so each code has one stable identifier.
    var type: String { "urn:order-engine:problem:" + code }

    private enum CodingKeys: String, CodingKey { case type, status, code, title, detail, errors }

    /// Encodes the members RFC 9457 defines plus `code` and `errors`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encode(code, forKey: .code)
        try container.encode(title, forKey: .title)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(errors, forKey: .errors)
    }
}

extension Problem {
    static func malformed(_ detail: String) -> Problem {
        Problem(status: 400, code: "malformed_request", title: "Malformed request", detail: detail)
    }

    static func invalid(_ field: String, _ message: String) -> Problem {
        Problem(
            status: 400, code: "validation_failed", title: "Validation failed", detail: "\(field): \(message)",
            errors: [FieldError(field: field, message: message)])
    }

    static func unauthenticated(_ detail: String) -> Problem {
        Problem(status: 401, code: "unauthenticated", title: "Authentication required", detail: detail)
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: 403, code: "forbidden", title: "Not allowed", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: 404, code: "not_found", title: "Not found", detail: detail)
    }

    static func tooLarge(_ byteCountMax: Int) -> Problem {
        Problem(
            status: 413, code: "payload_too_large", title: "Payload too large",
            detail: "the request body exceeds \(byteCountMax) bytes")
    }

    /// The answer for an engine error: refusals by their stable code, faults of the service as 5xx.
    init(_ error: EngineError) {
        switch error {
        case .refused(let refusal):
            self.init(
                status: Self.status(of: refusal.code), code: refusal.code.rawValue, title: Self.title(of: refusal.code),
                detail: refusal.message)
        case .overloaded:
            self.init(status: 503, code: "overloaded", title: "Service overloaded", detail: "\(error); retry later")
        case .closed:
            self.init(status: 503, code: "unavailable", title: "Service unavailable", detail: "\(error)")
        case .log(.storageFull):
            self.init(status: 507, code: "storage_full", title: "Storage full", detail: "\(error)")
        case .log, .undecodableEvent:
            self.init(status: 500, code: "internal_error", title: "Internal error", detail: "\(error)")
        }
    }

    /// 400 for bad input, 404 for a missing target, 409 for a state conflict, 422 for any other
    /// business rule.
    static func status(of code: RefusalCode) -> Int {
        switch code {
        case .validationFailed: 400
        case .notFound: 404
        case .alreadyExists, .invalidTransition: 409
        default: 422
        }
    }

    static func title(of code: RefusalCode) -> String {
        switch code {
        case .validationFailed: "Validation failed"
        case .notFound: "Not found"
        case .alreadyExists: "Already exists"
        case .invalidTransition: "Not allowed in the current state"
        default: "Refused by a business rule"
        }
    }

    /// The problem for a JSON body that did not decode, naming the field where possible.
    init(decoding error: any Error) {
        guard let error = error as? DecodingError else {
            self = .malformed("the body is not valid JSON")
            return
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .malformed("the body is not valid JSON")
        case .dataCorrupted(let context):
            self = .invalid(Self.path(context.codingPath), Self.reason(context))
        case .keyNotFound(let key, let context):
            self = .invalid(Self.path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            self = .invalid(Self.path(context.codingPath), "must be \(Self.jsonName(of: type))")
        case .valueNotFound(let type, let context):
            self = .invalid(Self.path(context.codingPath), "must be \(Self.jsonName(of: type)), not null")
        @unknown default:
            self = .malformed("the body does not decode")
        }
    }

    private static func reason(_ context: DecodingError.Context) -> String {
        if let refusal = context.underlyingError as? Refusal { return refusal.message }
        return context.debugDescription
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path.isEmpty ? "body" : path
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is UInt64.Type, is Int32.Type: "an integer"
        case is Double.Type: "a number"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

extension Problem {
    /// The problem document as a response.
    var response: Response {
        Response.json(self, status: HTTPResponse.Status(code: status), contentType: "application/problem+json")
    }
}
