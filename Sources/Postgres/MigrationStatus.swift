import Foundation

/// One migration as `status()` reports it.
public struct MigrationStatus: Sendable, Equatable {
    /// Where a migration stands.
    public enum State: Sendable, Equatable {
        /// Recorded in `schema_migrations` with the file's current checksum.
        case applied
        /// In the directory, not yet applied.
        case pending
        /// Applied, but the file's checksum differs from the recorded one.
        case changed
        /// Recorded as applied, but no file has its version any more.
        case missingFile
    }

    /// The version number.
    public let version: Int
    /// The migration's name (from the file, or the record when the file is missing).
    public let name: String
    /// Its state.
    public let state: State
    /// When it was applied, if it was.
    public let appliedAt: Date?
    /// The recorded checksum, if applied.
    public let appliedChecksum: String?
    /// The file's checksum, if there is a file.
    public let fileChecksum: String?
}
