import Foundation
import Postgres
import Runtime

/// `kinerja seed`: runs every seed step in order. Idempotent: a second run reports nothing.
///
/// Runs as the schema owner (the national holiday lists are not writable by the application role);
/// tenant-owned rows are written through tenant-scoped transactions all the same.
public struct Seeder: Sendable {
    /// The steps of `kinerja seed`, in order. The demo organisation (`DemoOrganisationSeed`) is not
    /// among them: `kinerja seed --demo` appends it, so production never gets demo people.
    public static let standardSteps: [any SeedStep] = [NationalHolidaySeed(), RuleSetSeed(), ReminderScheduleSeed()]

    private let pool: PostgresPool
    private let steps: [any SeedStep]
    private let logger: Logger

    /// A seeder over `pool` running `steps`.
    public init(pool: PostgresPool, steps: [any SeedStep] = Seeder.standardSteps, logger: Logger) {
        self.pool = pool
        self.steps = steps
        self.logger = logger
    }

    /// Runs every step; returns the lines of what changed (empty when the database was seeded already).
    public func run(at instant: Date) throws -> [String] {
        var report: [String] = []
        for step in steps {
            let lines = try step.run(pool: pool, at: instant)
            logger.info("seed step done", ["seed.step": .string(step.name), "changes": .int(lines.count)])
            report += lines
        }
        return report
    }
}
