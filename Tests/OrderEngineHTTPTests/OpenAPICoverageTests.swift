import Foundation
import Testing

/// `Docs/openapi.yaml` lists exactly the routes the service serves: a route added without its
/// documentation, or documentation left behind by a removed route, fails here.
@Suite struct OpenAPICoverageTests {
    @Test func documentListsEveryServedRouteAndNoOther() async throws {
        let documented = Set(try OpenAPIPaths.endpoints(in: String(contentsOf: Self.documentURL, encoding: .utf8)))
        let served = Set(try await Self.servedEndpoints())
        #expect(documented.count > 0, "no operations found under paths: in \(Self.documentURL.path)")
        #expect(served.subtracting(documented).sorted() == [], "served but missing from Docs/openapi.yaml")
        #expect(documented.subtracting(served).sorted() == [], "in Docs/openapi.yaml but not served")
    }

    @Test func documentListsEachOperationOnce() throws {
        let documented = try OpenAPIPaths.endpoints(in: String(contentsOf: Self.documentURL, encoding: .utf8))
        #expect(documented.count == Set(documented).count)
    }

    @Test func readerTakesOnlyOperationsUnderPaths() {
        let yaml = """
            openapi: 3.1.0
            paths:
              # a comment
              /v1/orders/{order}:
                parameters:
                  - $ref: '#/components/parameters/order'
                get:
                  responses:
                    '200': {description: ok}
                delete:
                  summary: gone
              '/health':
                get:
                  security: []
            components:
              pathItems:
                /not-a-route:
                  post:
                    summary: ignored
            """
        #expect(OpenAPIPaths.endpoints(in: yaml) == ["GET /v1/orders/{order}", "DELETE /v1/orders/{order}", "GET /health"])
        #expect(OpenAPIPaths.endpoints(in: "openapi: 3.1.0\ninfo:\n  title: x\n") == [])
    }

    /// The repository's `Docs/openapi.yaml`, found from this file's place in the tree.
    static let documentURL = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Docs/openapi.yaml")

    /// `METHOD /path` for every route of a service on a throwaway engine.
    static func servedEndpoints() async throws -> [String] {
        try await HTTPHarness.run { http in http.service.endpoints.map { "\($0.method) \($0.path)" } }
    }
}

/// Reads the operations of an OpenAPI document written in block-style YAML, as `METHOD /path`:
/// path keys indented two spaces under the top-level `paths:`, operation keys four.
enum OpenAPIPaths {
    static let methods: Set<Substring> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func endpoints(in yaml: String) -> [String] {
        var endpoints: [String] = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop(while: { $0 == " " })
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = line.count - content.count
            guard content.hasSuffix(":") else { continue }
            let key = content.dropLast().trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            switch indent {
            case 0:
                inPaths = key == "paths"
                path = nil
            case 2 where inPaths:
                path = key.hasPrefix("/") ? key : nil
            case 4 where inPaths:
                if let path, methods.contains(Substring(key)) { endpoints.append(key.uppercased() + " " + path) }
            default:
                continue
            }
        }
        return endpoints
    }
}
