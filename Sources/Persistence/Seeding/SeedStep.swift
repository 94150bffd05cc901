import Foundation
import Postgres

/// One idempotent part of `kinerja seed`: it brings the database to its seeded state and changes
/// nothing when run again.
public protocol SeedStep: Sendable {
    /// A short name for the report, e.g. `national-holidays`.
    var name: String { get }
    /// Seeds through `pool` (the schema owner's connection); `instant` stamps what it publishes.
    /// Returns what changed, one line each; empty when nothing did.
    func run(pool: PostgresPool, at instant: Date) throws -> [String]
}
