import HTTP

// Problems of authentication and authorization. 401s carry `WWW-Authenticate: Bearer`
// (RFC 6750 section 3; RFC 9110 section 15.5.2 requires the header on every 401).
extension Problem {
    static let realm = "Bearer realm=\"kinerja\""

    /// 401: no bearer token was sent (RFC 6750 section 3.1: then no error code).
    static var authenticationRequired: Problem {
        var problem = Problem(slug: "authentication-required", title: "Perlu masuk", status: .unauthorized,
                              detail: "Permintaan ini memerlukan token akses. Masuk terlebih dahulu.")
        problem.headers.add(name: "WWW-Authenticate", value: realm)
        return problem
    }

    /// 401: the token is malformed, unknown, expired or revoked (`error="invalid_token"`).
    static var invalidToken: Problem {
        var problem = Problem(slug: "invalid-token", title: "Token tidak valid", status: .unauthorized,
                              detail: "Token akses tidak valid, sudah kedaluwarsa, atau sudah dicabut. Silakan masuk kembali.")
        problem.headers.add(name: "WWW-Authenticate",
                            value: realm + ", error=\"invalid_token\", error_description=\"token invalid, expired or revoked\"")
        return problem
    }

    /// 401 for a failed login. One answer for an unknown account, a wrong password and an
    /// inactive account, so the API does not tell which logins exist (OWASP Authentication
    /// Cheat Sheet, "Authentication and Error Messages").
    static var invalidCredentials: Problem {
        var problem = Problem(slug: "invalid-credentials", title: "Gagal masuk", status: .unauthorized,
                              detail: "NIP/e-mail atau kata sandi salah.")
        problem.headers.add(name: "WWW-Authenticate", value: realm)
        return problem
    }

    /// 429 with Retry-After when login attempts exceed the allowance.
    static func tooManyLoginAttempts(retryAfter seconds: Int) -> Problem {
        let minutes = max(1, (seconds + 59) / 60)
        return Problem(slug: "too-many-login-attempts", title: "Terlalu banyak percobaan masuk", status: .tooManyRequests,
                       detail: "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit.",
                       retryAfter: seconds)
    }
}
