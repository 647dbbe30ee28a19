import Hummingbird
import Logging
import NIOCore

/// Turns every error a route throws into a problem document: `Problem`s as they are, the
/// framework's own errors (unknown route, body too large) by their status, anything else as a
/// logged 500 that tells the client nothing internal.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as NIOTooManyBytesError {
            return Problem.tooLarge(error.maxBytes ?? 0).response
        } catch let error as HTTPError {
            return Self.problem(for: error).response
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Problem(status: 500, code: "internal_error", title: "Internal error", detail: "the request failed")
                .response
        }
    }

    static func problem(for error: HTTPError) -> Problem {
        switch error.status.code {
        case 404: .notFound("no route matches this method and path")
        case 413: Problem(status: 413, code: "payload_too_large", title: "Payload too large", detail: error.body ?? "")
        case 400..<500: .malformed(error.body ?? "the request is malformed")
        default: Problem(status: 500, code: "internal_error", title: "Internal error", detail: "the request failed")
        }
    }
}
