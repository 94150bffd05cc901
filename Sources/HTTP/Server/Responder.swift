import Runtime

/// Runs an exchange to its encoded response, maps errors to problems, and records the access
/// log line and metrics. Used by handler threads and, for server-made responses and
/// `onReactor` routes, by the event loop.
struct Responder: Sendable {
    let logger: Logger
    let metrics: HTTPMetrics
    let accessLog: Bool
    /// Set once shutdown begins, so responses say `Connection: close`.
    let draining: AtomicFlag

    func respond(_ exchange: Exchange, ids: inout RequestIDGenerator, date: inout HTTPDate) -> Completion {
        var request = exchange.request
        request.requestID = ids.resolve(request.headers["X-Request-Id"])
        var response: Response
        switch exchange.action {
        case .handler(let handler):
            do {
                response = try handler(request)
            } catch let convertible as ProblemConvertible {
                response = .problem(convertible.problem)
            } catch {
                // Clients never see internal error text; the log keeps it under the request id.
                logger.error("handler failed", [
                    "request.id": .string(request.requestID), "route": .string(request.route),
                    "error": .string(String(describing: error)),
                ])
                response = .problem(.internalError)
            }
        case .problem(let problem, let extraHeaders):
            response = .problem(problem)
            for field in extraHeaders { response.headers.add(name: field.name, value: field.value) }
        }
        let keepAlive = exchange.keepAlive && !draining.isSet
        let bytes = ResponseEncoder.encode(
            response, requestID: request.requestID, date: date.now(), keepAlive: keepAlive,
            http10: exchange.http10, omitBody: request.method == .head)
        let seconds = Double(MonotonicClock.nanoseconds() - exchange.startedAt) / 1e9
        let route = request.route.isEmpty ? "unmatched" : request.route
        metrics.record(method: Self.metricsLabel(request.method), route: route, status: response.status.code, seconds: seconds)
        if accessLog {
            logger.info("request", [
                "method": .string(request.method.rawValue), "route": .string(route), "path": .string(request.path),
                "status": .int(response.status.code), "duration_ms": .double((seconds * 1e6).rounded() / 1e3),
                "request.id": .string(request.requestID), "bytes": .int(request.method == .head ? 0 : response.body.count),
            ])
        }
        return Completion(fd: exchange.fd, generation: exchange.generation, bytes: bytes, keepAlive: keepAlive)
    }
}

extension Responder {
    private static let knownMethods: Set<HTTPMethod> = [.get, .head, .post, .put, .patch, .delete, .options]

    /// The method as a metrics label: clients choose methods freely, so any other than the
    /// standard ones counts as `OTHER` and cannot create unbounded series.
    static func metricsLabel(_ method: HTTPMethod) -> String {
        knownMethods.contains(method) ? method.rawValue : "OTHER"
    }
}
