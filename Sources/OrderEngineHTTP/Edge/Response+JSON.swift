import Foundation
import HTTPTypes
import Hummingbird

extension Response {
    /// A JSON response with sorted keys, so the same value always gives the same bytes.
    static func json(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = "application/json",
        headers: HTTPFields = [:]
    ) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return json(bytes: try encoder.encode(value), status: status, contentType: contentType, headers: headers)
        } catch {
            preconditionFailure("response \(type(of: value)) has no JSON form: \(error)")
        }
    }

    /// A response whose body is JSON built elsewhere.
    static func json(
        bytes: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json",
        headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// JSON request bodies: strict decoding into the adapter's body types.
enum JSONBody {
    static func decode<Body: Decodable>(_ type: Body.Type, from bytes: Data) throws(Problem) -> Body {
        do {
            return try JSONDecoder().decode(type, from: bytes)
        } catch {
            throw Problem(decoding: error)
        }
    }
}
