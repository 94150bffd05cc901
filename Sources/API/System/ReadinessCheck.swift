import Foundation
import HTTP
import Postgres
import Runtime

/// `/readyz`: ready when the database answers through the pool and every migration shipped with
/// this binary (the files in the migrations directory, read once at start-up) is recorded as
/// applied. A rolling deploy thereby keeps new pods out of rotation until `kinerja migrate` ran.
/// Checksums are `kinerja migrate`'s business: it refuses an edited migration outright.
/// Once shutdown begins (`serving` not ready) it is 503 before anything else, so load balancers
/// take the process out of rotation during the drain pause (`KINERJA_HTTP_DRAIN_DELAY_MS`).
struct ReadinessCheck: Sendable {
    private let pool: PostgresPool
    private let shipped: Result<Set<Int>, MigrationError>
    private let serving: Readiness
    private let logger: Logger

    init(pool: PostgresPool, migrationsDirectory: String, serving: Readiness, logger: Logger) {
        self.pool = pool
        self.serving = serving
        self.logger = logger
        shipped = Result { () throws(MigrationError) in
            Set(try Migration.load(from: URL(fileURLWithPath: migrationsDirectory)).map(\.version))
        }
    }

    func respond() throws -> Response {
        guard serving.isReady else {
            throw notReady("Layanan sedang dihentikan; permintaan baru dilayani instans lain.")
        }
        let expected: Set<Int>
        switch shipped {
        case .success(let versions): expected = versions
        case .failure(let error):
            logger.error("migrations directory unreadable", ["error": .string(String(describing: error))])
            throw notReady("Berkas migrasi tidak dapat dibaca.")
        }
        let applied: Set<Int>
        do {
            applied = try pool.withConnection(retryOnConnectionLoss: true) { connection in
                let rows = try connection.query("SELECT version FROM schema_migrations")
                return Set(try rows.map { try $0.decode(Int.self, at: 0) })
            }
        } catch {
            logger.warning("readiness: database check failed", ["error": .string(String(describing: error))])
            throw notReady("Basis data tidak dapat dihubungi.")
        }
        let pending = expected.subtracting(applied)
        guard pending.isEmpty else {
            throw notReady("Migrasi basis data belum dijalankan: \(pending.sorted().map(String.init).joined(separator: ", ")).")
        }
        return try Response.json(ReadinessBody(status: "ready", migrations: applied.count))
    }

    private func notReady(_ detail: String) -> Problem {
        .serviceUnavailable(retryAfter: 5, detail: detail)
    }
}

private struct ReadinessBody: Encodable {
    let status: String
    let migrations: Int
}
