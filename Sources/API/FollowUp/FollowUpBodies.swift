/// `POST /v1/evaluations/{id}/rewards`.
struct RewardBody: Decodable {
    /// One of `RewardRecord.kinds`.
    var kind: String
    /// At most 2,000 characters.
    var notes: String?
}

/// `POST /v1/improvement-windows/{id}/outcome`.
struct OutcomeBody: Decodable {
    /// improved, not-improved or cancelled.
    var outcome: String
    /// At most 2,000 characters.
    var notes: String?
}
