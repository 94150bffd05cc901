import Foundation
import Runtime

/// Applies `NNNN_name.sql` files from a directory to a database, forward-only.
///
/// Each pending migration runs in its own transaction together with its `schema_migrations`
/// row, so it is applied completely or not at all. Runs serialise on a PostgreSQL advisory
/// lock: a second, concurrent run waits, then finds nothing left to do. Before anything is
/// applied, every applied migration's file is checksummed (SHA-256, computed by the server's
/// `sha256()`, so no crypto library is needed here) and a changed one stops the run.
///
/// The migrator creates `schema_migrations` itself rather than expecting it from a migration:
/// it must read that table to know which migrations ran, before it runs any, and a generic
/// runner should work on any directory.
public struct Migrator: Sendable {
    /// The directory holding the `.sql` files.
    public let directory: URL
    /// The database URL; a role that may change the schema (the owner).
    public let databaseURL: String
    /// The `pg_advisory_lock` key that serialises runs against one database.
    public let lockKey: Int64
    private let logger: Logger

    /// "kinerja_m" as eight bytes: a fixed key that other advisory locks are unlikely to pick.
    public static let defaultLockKey: Int64 = 0x6B69_6E65_726A_615F

    /// A migrator for `directory` against `databaseURL`.
    public init(directory: URL, databaseURL: String, logger: Logger, lockKey: Int64 = Migrator.defaultLockKey) {
        self.directory = directory
        self.databaseURL = databaseURL
        self.logger = logger
        self.lockKey = lockKey
    }

    /// What one `migrate()` did.
    public struct Report: Sendable {
        /// The migrations applied by this run, in order.
        public var applied: [Migration]
        /// Applied versions with no file any more (reported, not fatal: the database has them).
        public var missingFiles: [MigrationStatus]
    }

    /// Applies every pending migration in version order.
    @discardableResult
    public func migrate() throws -> Report {
        let files = try Migration.load(from: directory)
        let connection = try PostgresConnection(url: databaseURL)
        defer { connection.close() }
        try connection.query("SELECT pg_advisory_lock(\(lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(lockKey))") }
        try connection.simpleQuery("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let statuses = try compare(files, connection)
        if let changed = statuses.first(where: { $0.state == .changed }),
           let file = files.first(where: { $0.version == changed.version }) {
            throw MigrationError.changed(fileName: file.fileName, appliedChecksum: changed.appliedChecksum ?? "",
                                         fileChecksum: changed.fileChecksum ?? "")
        }
        let missing = statuses.filter { $0.state == .missingFile }
        for m in missing {
            logger.warning("applied migration has no file", ["migration.version": .int(m.version), "migration.name": .string(m.name)])
        }
        var applied: [Migration] = []
        for status in statuses where status.state == .pending {
            guard let file = files.first(where: { $0.version == status.version }), let checksum = status.fileChecksum else { continue }
            try apply(file, checksum: checksum, connection)
            applied.append(file)
        }
        return Report(applied: applied, missingFiles: missing)
    }

    /// Every migration in the directory or the database, by version, with its state. Applies
    /// nothing and takes no lock.
    public func status() throws -> [MigrationStatus] {
        let files = try Migration.load(from: directory)
        let connection = try PostgresConnection(url: databaseURL)
        defer { connection.close() }
        return try compare(files, connection)
    }

    // MARK: - Internals

    private struct Record {
        let name: String
        let checksum: String
        let appliedAt: Date
    }

    private func compare(_ files: [Migration], _ connection: PostgresConnection) throws -> [MigrationStatus] {
        var records: [Int: Record] = [:]
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL").first?.decode(Bool.self, at: 0)
        if exists == true {
            for row in try connection.query("SELECT version, name, checksum, applied_at FROM schema_migrations") {
                let (version, name, checksum, at) = try row.decode((Int, String, String, Date).self)
                records[version] = Record(name: name, checksum: checksum, appliedAt: at)
            }
        }
        var statuses: [MigrationStatus] = []
        for file in files {
            let checksum = try self.checksum(file, connection)
            let record = records.removeValue(forKey: file.version)
            let state: MigrationStatus.State = record == nil ? .pending : record?.checksum == checksum ? .applied : .changed
            statuses.append(MigrationStatus(version: file.version, name: file.name, state: state, appliedAt: record?.appliedAt,
                                            appliedChecksum: record?.checksum, fileChecksum: checksum))
        }
        for (version, record) in records {
            statuses.append(MigrationStatus(version: version, name: record.name, state: .missingFile, appliedAt: record.appliedAt,
                                            appliedChecksum: record.checksum, fileChecksum: nil))
        }
        return statuses.sorted { $0.version < $1.version }
    }

    /// The file's SHA-256 as lowercase hex, computed by the server over the exact bytes.
    private func checksum(_ file: Migration, _ connection: PostgresConnection) throws -> String {
        let row = try connection.query("SELECT encode(sha256(\(file.contents)), 'hex')").first
        guard let value = try row?.decode(String.self, at: 0) else {
            throw PostgresError(kind: .client, debugMessage: "sha256 returned no row")
        }
        return value
    }

    private func apply(_ file: Migration, checksum: String, _ connection: PostgresConnection) throws {
        let start = ContinuousClock.now
        do {
            try connection.transaction { connection in
                try connection.simpleQuery(file.sql)
                guard connection.transactionStatus == .inTransaction else {
                    throw MigrationError.transactionControl(fileName: file.fileName)
                }
                try connection.execute("""
                    INSERT INTO schema_migrations (version, name, checksum) VALUES (\(file.version), \(file.name), \(checksum))
                    """)
            }
        } catch let error as PostgresError {
            throw MigrationError.failed(fileName: file.fileName, error: error)
        }
        let elapsed = ContinuousClock.now - start
        logger.info("applied migration", ["migration.version": .int(file.version), "migration.name": .string(file.name),
                                          "duration_ms": .int(Int(elapsed.timeInterval * 1000))])
    }
}
