import Postgres

/// Where a job stands; mirrors the `job_state` enum of migration 0010.
///
/// The life of a job: `available` (or `scheduled` until its time) → `running` → `completed`, or
/// on failure `retryable` (waiting for its backoff) → `available` again, until the last attempt
/// fails and it is `discarded`. `cancelled` is set by an admin. The three final states carry a
/// `finalized_at`; everything else does not (a CHECK constraint holds the two together).
public enum JobState: String, Sendable, CaseIterable, Codable, PostgresEncodable, PostgresDecodable {
    /// Claimable now.
    case available
    /// Waiting for its `scheduledAt`.
    case scheduled
    /// Claimed by a worker.
    case running
    /// Failed or rescued, waiting for its backoff to pass.
    case retryable
    /// Finished successfully (final).
    case completed
    /// Cancelled by an admin (final).
    case cancelled
    /// Failed for the last time, or permanently (final).
    case discarded

    /// True for the states a job never leaves by itself.
    public var isFinal: Bool { self == .completed || self == .cancelled || self == .discarded }

    /// Sent as text; the SQL casts it to `job_state`.
    public static var postgresDataType: PostgresDataType { .text }

    /// The enum label.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: rawValue.utf8)
    }

    /// From a `job_state` column, which arrives with the enum's own OID (so no type check here).
    public static func decode(from cell: PostgresCell) throws -> JobState {
        guard let text = cell.string else { throw cell.malformed(JobState.self) }
        guard let state = JobState(rawValue: text) else { throw cell.malformed(JobState.self) }
        return state
    }
}
