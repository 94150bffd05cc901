import Foundation

/// The error one failed attempt left behind; a job keeps all of them, discarded or not.
public struct JobAttemptError: Sendable, Codable, Equatable {
    /// The attempt that failed.
    public var attempt: Int
    /// When it failed (database clock).
    public var at: Date
    /// What the handler (or the rescuer) reported.
    public var error: String

    /// Decodes the `at` timestamps PostgreSQL writes into JSON (`2026-01-02T03:04:05.123456+00:00`).
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) { return date }
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time")
        }
        return decoder
    }()
}
