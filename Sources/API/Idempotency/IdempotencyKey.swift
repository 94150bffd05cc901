import HTTP

/// The `Idempotency-Key` request header (draft-ietf-httpapi-idempotency-key-header): 1–255
/// printable ASCII characters, e.g. a UUID the client made for one logical request.
struct IdempotencyKey: Sendable, Equatable {
    /// The header's name.
    static let header = "Idempotency-Key"
    /// The longest key accepted.
    static let maxLength = 255

    /// The key as sent.
    let value: String

    /// The request's key: nil without the header, 400 `invalid-idempotency-key` when malformed.
    init?(_ request: Request) throws {
        let values = request.headers.values(for: Self.header)
        guard let first = values.first else { return nil }
        let bytes = Array(first.utf8)
        guard values.count == 1, (1...Self.maxLength).contains(bytes.count), bytes.allSatisfy({ (0x20...0x7E).contains($0) })
        else { throw Problem.invalidIdempotencyKey }
        value = first
    }
}

extension Problem {
    /// 400 for an `Idempotency-Key` that is empty, too long, repeated or not printable ASCII.
    static let invalidIdempotencyKey = Problem(
        slug: "invalid-idempotency-key", title: "Idempotency-Key tidak valid", status: .badRequest,
        detail: "Idempotency-Key harus satu nilai berisi 1–255 karakter ASCII yang dapat dicetak.")

    /// 409 while the first request with this key is still running.
    static let idempotencyInProgress = Problem(
        slug: "idempotency-in-progress", title: "Permintaan sedang diproses", status: .conflict,
        detail: "Permintaan dengan Idempotency-Key ini masih diproses. Ulangi sebentar lagi.", retryAfter: 1)

    /// 422 when the key was used for a different request.
    static let idempotencyKeyReused = Problem(
        slug: "idempotency-key-reused", title: "Idempotency-Key sudah dipakai", status: .unprocessableContent,
        detail: "Idempotency-Key ini sudah dipakai untuk permintaan lain. Buat kunci baru untuk setiap permintaan.")

    /// 409 for a retry of a request that is done but whose answer held a one-time secret.
    static func idempotencyCompleted(status: Int) -> Problem {
        Problem(slug: "idempotency-completed", title: "Permintaan sudah selesai", status: .conflict,
                detail: "Permintaan dengan Idempotency-Key ini sudah selesai (status \(status)). Jawabannya memuat "
                    + "token sekali pakai sehingga tidak disimpan dan tidak dapat diulang.")
    }
}
