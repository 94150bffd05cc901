import Runtime

/// An RFC 9457 problem detail, sent as `application/problem+json`. Throw one from a handler to
/// answer with its status; every error response of the server is one. `title` and `detail` are
/// for people (Bahasa Indonesia); `type` and the `errors` codes are stable for programs.
public struct Problem: Error, Sendable, Equatable {
    /// One invalid input, pointed at with a JSON Pointer (RFC 6901).
    public struct FieldError: Sendable, Equatable {
        /// Where the invalid value is, e.g. `/items/0/nip`.
        public var pointer: String
        /// A stable machine-readable reason, e.g. `required`.
        public var code: String
        /// What is wrong, for people (Bahasa Indonesia).
        public var message: String
        /// Creates a value from its parts.
        public init(pointer: String, code: String, message: String) {
            self.pointer = pointer
            self.code = code
            self.message = message
        }
    }

    /// Every problem type URI starts with this; the rest is a stable kebab-case slug.
    public static let typePrefix = "https://kinerja.go.id/problems/"

    /// A stable URI identifying the kind of problem.
    public var type: String
    /// A short summary of the kind of problem (Bahasa Indonesia).
    public var title: String
    /// The status code.
    public var status: HTTPStatus
    /// What went wrong in this case, for people (Bahasa Indonesia).
    public var detail: String
    /// Invalid fields, for validation problems; empty otherwise.
    public var errors: [FieldError]
    /// Seconds for a `Retry-After` header (503, 429).
    public var retryAfter: Int?
    /// More header fields for the response, e.g. `WWW-Authenticate` on 401 (RFC 6750 section 3).
    public var headers = HTTPHeaders()
    /// Extension members (RFC 9457 section 3.2): name → the member's value as JSON text, written
    /// after `detail` in name order, e.g. the deadline a refused filing missed.
    public var extensions: [String: String] = [:]

    /// A problem whose type is `typePrefix + slug`.
    public init(slug: String, title: String, status: HTTPStatus, detail: String,
                errors: [FieldError] = [], retryAfter: Int? = nil) {
        self.type = Self.typePrefix + slug
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
        self.retryAfter = retryAfter
    }

    /// The JSON document (RFC 9457 section 3), keys in a fixed order.
    public var json: String {
        var out = "{\"type\":"
        JSONText.appendString(type, to: &out)
        out += ",\"title\":"
        JSONText.appendString(title, to: &out)
        out += ",\"status\":" + String(status.code) + ",\"detail\":"
        JSONText.appendString(detail, to: &out)
        for name in extensions.keys.sorted() {
            out += ","
            JSONText.appendString(name, to: &out)
            out += ":" + (extensions[name] ?? "null")
        }
        if !errors.isEmpty {
            out += ",\"errors\":["
            for (index, error) in errors.enumerated() {
                if index > 0 { out += "," }
                out += "{\"pointer\":"
                JSONText.appendString(error.pointer, to: &out)
                out += ",\"code\":"
                JSONText.appendString(error.code, to: &out)
                out += ",\"message\":"
                JSONText.appendString(error.message, to: &out)
                out += "}"
            }
            out += "]"
        }
        out += "}"
        return out
    }
}

/// An error that knows its problem; domain errors conform in the API module so a handler can
/// simply `throw` them.
public protocol ProblemConvertible: Error {
    var problem: Problem { get }
}

extension Problem: ProblemConvertible {
    /// The problem itself.
    public var problem: Problem { self }
}

extension Problem {
    /// 400 with a detail for people.
    public static func badRequest(_ detail: String, errors: [FieldError] = []) -> Problem {
        Problem(slug: "bad-request", title: "Permintaan tidak valid", status: .badRequest, detail: detail, errors: errors)
    }

    /// 401 when the request carries no valid credentials.
    public static func unauthorized(_ detail: String = "Token akses tidak ada, tidak valid, atau kedaluwarsa.") -> Problem {
        Problem(slug: "unauthorized", title: "Tidak terautentikasi", status: .unauthorized, detail: detail)
    }

    /// 403 when the caller is known but not allowed to do this.
    public static func forbidden(_ detail: String = "Anda tidak berwenang melakukan tindakan ini.") -> Problem {
        Problem(slug: "forbidden", title: "Akses ditolak", status: .forbidden, detail: detail)
    }

    /// 409 when the request conflicts with the current state of the resource.
    public static func conflict(_ detail: String) -> Problem {
        Problem(slug: "conflict", title: "Konflik", status: .conflict, detail: detail)
    }

    /// 429 with `Retry-After`, e.g. for rate-limited logins.
    public static func tooManyRequests(retryAfter seconds: Int,
                                       detail: String = "Terlalu banyak permintaan. Coba lagi nanti.") -> Problem {
        Problem(slug: "too-many-requests", title: "Terlalu banyak permintaan", status: .tooManyRequests,
                detail: detail, retryAfter: max(0, seconds))
    }

    /// 404 for a path no route matches, or a resource that does not exist.
    public static func notFound(_ detail: String = "Alamat tidak ditemukan.") -> Problem {
        Problem(slug: "not-found", title: "Tidak ditemukan", status: .notFound, detail: detail)
    }

    /// 405 for a known path with a method it does not accept.
    public static func methodNotAllowed(_ method: HTTPMethod) -> Problem {
        Problem(slug: "method-not-allowed", title: "Metode tidak diizinkan", status: .methodNotAllowed,
                detail: "Metode \(method.rawValue) tidak diizinkan untuk alamat ini.")
    }

    /// 408 when a request does not arrive within its time limit.
    public static let requestTimeout = Problem(
        slug: "request-timeout", title: "Waktu permintaan habis", status: .requestTimeout,
        detail: "Permintaan tidak selesai dikirim dalam batas waktu.")

    /// 413 for a body over the route's limit.
    public static func contentTooLarge(limit: Int) -> Problem {
        Problem(slug: "content-too-large", title: "Isi permintaan terlalu besar", status: .contentTooLarge,
                detail: "Isi permintaan melebihi batas \(limit) bita.")
    }

    /// 422 for well-formed input that breaks the rules; `errors` says which fields and why.
    public static func validation(_ errors: [FieldError], detail: String = "Data yang dikirim tidak valid.") -> Problem {
        Problem(slug: "validation-failed", title: "Data tidak valid", status: .unprocessableContent,
                detail: detail, errors: errors)
    }

    /// 500 without internal detail; the log holds the error under the request id.
    public static let internalError = Problem(
        slug: "internal-error", title: "Kesalahan internal", status: .internalServerError,
        detail: "Terjadi kesalahan pada server. Sebutkan ID permintaan (X-Request-Id) bila menghubungi dukungan.")

    /// 503 with `Retry-After`, e.g. when the database pool is exhausted or the service is not ready.
    public static func serviceUnavailable(retryAfter seconds: Int,
                                          detail: String = "Layanan sedang tidak tersedia. Coba lagi nanti.") -> Problem {
        Problem(slug: "service-unavailable", title: "Layanan tidak tersedia", status: .serviceUnavailable,
                detail: detail, retryAfter: max(0, seconds))
    }

    /// The problem for a request the parser rejected.
    public static func parseError(_ error: HTTPParseError) -> Problem {
        let slug: String, title: String
        switch error.status {
        case .uriTooLong: (slug, title) = ("uri-too-long", "Alamat terlalu panjang")
        case .requestHeaderFieldsTooLarge: (slug, title) = ("header-fields-too-large", "Header permintaan terlalu besar")
        case .contentTooLarge: (slug, title) = ("content-too-large", "Isi permintaan terlalu besar")
        case .httpVersionNotSupported: (slug, title) = ("http-version-not-supported", "Versi HTTP tidak didukung")
        default: (slug, title) = ("bad-request", "Permintaan tidak valid")
        }
        return Problem(slug: slug, title: title, status: error.status, detail: error.detail,
                       errors: [FieldError(pointer: "", code: error.code, message: error.detail)])
    }
}
