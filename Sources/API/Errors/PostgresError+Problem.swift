import HTTP
import Postgres

// The one place where database failures become answers. A handler that lets a PostgresError
// escape gets 503 with Retry-After when the database is busy or unreachable (a client should
// simply retry) and a plain 500 otherwise; the server's message never reaches the client.
extension PostgresError: ProblemConvertible {
    public var problem: Problem {
        switch kind {
        case .poolTimeout:
            .serviceUnavailable(retryAfter: 1, detail: "Server sedang sibuk. Coba lagi sebentar lagi.")
        case .connectionFailure, .poolClosed:
            .serviceUnavailable(retryAfter: 2, detail: "Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.")
        case .queryCanceled:
            .serviceUnavailable(retryAfter: 2, detail: "Permintaan memakan waktu terlalu lama. Coba lagi nanti.")
        default:
            .internalError
        }
    }
}
