import Dispatch
import Foundation
import JobQueue
import Kinerja
import Postgres
import Runtime
import Synchronization

/// Drives one regency's annual evaluation from start to end through the same stores the API uses
/// (`kinerja cycle annual`; `scripts/annual-evaluation` and the season benchmark): optionally each
/// obliged employee's SKP from draft to approved, then the annual period opened, the organisation's
/// achievement set per group, every obliged employee rated by their own evaluator with
/// `SyntheticRating`, and every group finalised — which queues the evaluation documents for the
/// worker. Independent steps run on `threads` threads, each on its own pooled connection.
public struct AnnualCycle: Sendable {
    let pool: PostgresPool
    let threads: Int
    let logger: Logger

    /// A driver over `pool` (which should allow `threads` connections).
    public init(pool: PostgresPool, threads: Int, logger: Logger) {
        self.pool = pool
        self.threads = max(1, threads)
        self.logger = logger
    }

    public enum Failure: Error, CustomStringConvertible {
        case noRuleSet(String)
        case step(String, any Error)

        public var description: String {
            switch self {
            case .noRuleSet(let what): "no rule set in force: \(what)"
            case .step(let what, let error): "\(what): \(error)"
            }
        }
    }

    static let actor = AuditActor.system("kinerja-cycle-annual")

    /// Runs the year's cycle for `tenant`. With `planSKP`, first completes the SKP of every obliged
    /// employee who has none approved for the year.
    public func run(tenant: Tenant, year: Int, planSKP: Bool, at now: Date) throws -> AnnualCycleReport {
        let started = Date()
        guard let yearEnd = CivilDate(year: year, month: 12, day: 31),
              let stored = try RuleSetStore(pool: pool).inForce(tenant: tenant.id, on: yearEnd) else {
            throw Failure.noRuleSet("\(tenant.slug) on \(year)-12-31")
        }
        let ruleSet = stored.ruleSet, version = stored.version.reference
        let span = EvaluationPeriod(containing: yearEnd, cadence: .annual)
        let admin = try tenantAdmin(tenant.id)
        let store = EvaluationStore(pool: pool, documents: .enqueueing(on: JobQueue(pool: pool, logger: logger)))
        var report = AnnualCycleReport(tenant: tenant.slug, year: year, periodId: "", ruleSetVersion: version)
        let clock = StageClock(logger: logger)

        if planSKP {
            report.skpSkipped = try clock.measure("skp") {
                try planSKPs(tenant: tenant.id, span: span, ruleSet: ruleSet, version: version, at: now)
            }
        }

        let (period, coverage): (UUID, CoverageTally?) = try clock.measure("open") {
            do {
                let opening = try store.openPeriod(tenant: tenant.id, kind: EvaluationPeriodKind.annual, span: span,
                                                   ruleSet: ruleSet, ruleSetVersion: version, by: admin, actor: Self.actor,
                                                   at: now)
                return ((opening.period.id, opening.coverage), opening.coverage.obliged)
            } catch EvaluationStoreError.periodExists(let existing) {
                return ((existing, nil), 0)
            }
        }
        report.coverage = coverage
        report.periodId = period.uuidString.lowercased()
        let groups = try store.groups(tenant: tenant.id, period: period)

        if ruleSet.evaluation.model == .quadrant {
            _ = try clock.measure("capaian") {
                let unset = groups.filter { $0.capaian == nil }
                try parallel(unset) { group in
                    _ = try store.setCapaian(tenant: tenant.id, period: period, scopeID: group.scopeID,
                                             capaian: SyntheticRating.capaian, ruleSet: ruleSet, by: admin,
                                             actor: Self.actor, at: now)
                }
                return ((), unset.count)
            }
        }

        _ = try clock.measure("rate") {
            let work = try unrated(tenant: tenant.id, period: period, on: span.end)
            // Each evaluator rates their whole team in one go (EvaluationStore.rate(ratings:)).
            let teams = Dictionary(grouping: work, by: \.evaluator).map { (evaluator: $0.key, members: $0.value) }
            try parallel(teams) { team in
                let ratings = team.members.map { item in
                    (id: item.id, rating: ruleSet.evaluation.model == .quadrant
                        ? EvaluationRating(quadrant: SyntheticRating.ratings(for: SyntheticRating.predikat(index: item.index, size: item.groupSize)))
                        : EvaluationRating(scores: SyntheticRating.scores(index: item.index, jobKind: item.jobKind)))
                }
                _ = try store.rate(tenant: tenant.id, period: period, ratings: ratings, by: team.evaluator ?? admin,
                                   isTenantAdmin: team.evaluator == nil, actor: Self.actor, ruleSet: ruleSet, at: now)
            }
            return ((), work.count)
        }

        let warned = Atomic<Int>(0)
        _ = try clock.measure("finalise") {
            let open = groups.filter { $0.finalisedAt == nil }
            try parallel(open) { group in
                let result = try store.finalise(tenant: tenant.id, period: period, scopeID: group.scopeID, ruleSet: ruleSet,
                                                by: admin, actor: Self.actor, at: now)
                if !result.warnings.isEmpty { warned.add(1, ordering: .relaxed) }
            }
            return ((), open.count)
        }
        report.groupsWithWarnings = warned.load(ordering: .relaxed)
        report.stages = clock.stages
        report.results = try pool.transaction(tenant: tenant.id, readOnly: true) { c in
            try c.query("SELECT predikat, count(*)::int FROM evaluations WHERE period_id = \(period) AND status = 'final' GROUP BY 1")
                .reduce(into: [String: Int]()) { $0[try $1.decode(String.self, at: 0)] = try $1.decode(Int.self, at: 1) }
        }
        report.totalSeconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: - Stages

    /// Completes the plan of every obliged employee with an evaluator and no approved SKP: create,
    /// fill, submit, the pengelola kinerja's review where the rule set has one (Perbup Pasuruan
    /// 117/2019 Pasal 6 ayat (3)), approve by the evaluator. Returns the count and what was skipped.
    private func planSKPs(tenant: UUID, span: EvaluationPeriod, ruleSet: RuleSet, version: String,
                          at now: Date) throws -> ([String: Int], Int) {
        let (roster, pengelola) = try pool.transaction(tenant: tenant, readOnly: true) { c in
            (try EvaluationRoster.load(on: c, tenant: tenant, span: span, ruleSet: ruleSet, at: now),
             try pengelolaByPerangkatDaerah(on: c))
        }
        let store = SKPStore(pool: pool, notifier: SKPNotifier { _, _ in })
        let content = SyntheticRating.plan(ruleSet: ruleSet)
        let review = ruleSet.skp.review?.byPengelolaKinerja == true
        let skipped = Mutex<[String: Int]>([:])
        let todo = roster.rows.filter { $0.status == "pending" && $0.skp == nil }
        try parallel(todo) { row in
            guard let evaluator = row.evaluator else {
                skipped.withLock { $0["no-evaluator", default: 0] += 1 }
                return
            }
            let plan = SKP(id: SKPStore.newID(at: now), employeeID: row.employee, year: span.start.year, startMonth: 1,
                           evaluatorID: evaluator, evaluatorSuperiorID: row.superior, perangkatDaerahID: row.perangkatDaerah,
                           ruleSetVersion: version, content: SKPContent())
            let skp: SKP
            do {
                skp = try store.create(tenant: tenant, plan, by: row.employee, at: now)
            } catch SKPStoreError.alreadyExists {
                skipped.withLock { $0["already-started", default: 0] += 1 }
                return
            }
            _ = try store.updateContent(tenant: tenant, id: skp.id, content: content, by: row.employee, ruleSet: ruleSet, at: now)
            _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: row.employee, ruleSet: ruleSet, at: now)
            if review {
                guard let pd = row.perangkatDaerah, let reviewer = pengelola[pd] else {
                    skipped.withLock { $0["no-pengelola-kinerja", default: 0] += 1 }
                    return
                }
                _ = try store.perform(.review, tenant: tenant, id: skp.id, by: reviewer, pengelolaOf: [pd], ruleSet: ruleSet, at: now)
            }
            _ = try store.perform(.approve, tenant: tenant, id: skp.id, by: evaluator, ruleSet: ruleSet, at: now)
        }
        return (skipped.withLock { $0 }, todo.count)
    }

    /// One evaluation to rate: its evaluator, its place in its group, and the post's kind.
    struct Unrated: Sendable {
        var id: UUID
        var evaluator: UUID?
        var index: Int
        var groupSize: Int
        var jobKind: JobKind
    }

    /// The period's obliged evaluations not rated yet, numbered within their group.
    private func unrated(tenant: UUID, period: UUID, on end: CivilDate) throws -> [Unrated] {
        let rows = try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT v.id, v.evaluator_id, v.group_id, coalesce(j.kind, 'pelaksana')
                  FROM evaluations v
                  LEFT JOIN LATERAL (
                       SELECT jb.kind FROM assignments a JOIN jabatan jb ON jb.tenant_id = a.tenant_id AND jb.id = a.jabatan_id
                        WHERE a.employee_id = v.employee_id AND a.valid_from <= \(end.description)::date
                          AND (a.valid_until IS NULL OR a.valid_until >= \(end.description)::date)
                        ORDER BY (a.kind = 'definitif') DESC, a.valid_from DESC LIMIT 1) j ON true
                 WHERE v.period_id = \(period) AND v.status IN ('pending', 'submitted')
                 ORDER BY v.group_id, v.id
                """).map { try $0.decode((UUID, UUID?, UUID, String).self) }
        }
        let sizes = Dictionary(grouping: rows, by: \.2).mapValues(\.count)
        var position: [UUID: Int] = [:]
        return rows.map { id, evaluator, group, kind in
            defer { position[group, default: 0] += 1 }
            return Unrated(id: id, evaluator: evaluator, index: position[group, default: 0], groupSize: sizes[group] ?? 1,
                           jobKind: JobKind(rawValue: kind) ?? .pelaksana)
        }
    }

    /// Who is recorded as acting for BKPSDM when the tenant has no tenant admin yet (a regency
    /// loaded from CSV alone): the nil UUID, which is no one's id; the audit log says
    /// `system:kinerja-cycle-annual` either way.
    static let systemPerson = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// Who acts as BKPSDM: the first tenant admin (their employee record, else their account), or
    /// `systemPerson`.
    private func tenantAdmin(_ tenant: UUID) throws -> UUID {
        let admin = try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT coalesce(u.employee_id, u.id) FROM users u JOIN user_roles r ON r.tenant_id = u.tenant_id AND r.user_id = u.id
                 WHERE r.role = 'tenant_admin' AND u.active ORDER BY u.created_at, u.id LIMIT 1
                """).first?.decode(UUID.self, at: 0)
        }
        return admin ?? Self.systemPerson
    }

    /// The pengelola kinerja (as an employee) of each perangkat daerah that has one.
    private func pengelolaByPerangkatDaerah(on c: PostgresConnection) throws -> [UUID: UUID] {
        try c.query("""
            SELECT DISTINCT ON (r.perangkat_daerah_id) r.perangkat_daerah_id, u.employee_id
              FROM user_roles r JOIN users u ON u.tenant_id = r.tenant_id AND u.id = r.user_id
             WHERE r.role = 'pengelola_kinerja' AND u.employee_id IS NOT NULL AND u.active
             ORDER BY r.perangkat_daerah_id, r.granted_at
            """).reduce(into: [UUID: UUID]()) { $0[try $1.decode(UUID.self, at: 0)] = try $1.decode(UUID.self, at: 1) }
    }

    // MARK: - Helpers

    /// Times the stages of one run.
    final class StageClock {
        let logger: Logger
        var stages: [AnnualCycleReport.Stage] = []

        init(logger: Logger) { self.logger = logger }

        /// Runs `body` and records it as stage `name` with the count it returns.
        func measure<T>(_ name: String, _ body: () throws -> (T, Int)) throws -> T {
            let started = Date()
            let (value, count) = try body()
            let seconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
            stages.append(.init(name: name, count: count, seconds: seconds))
            logger.info("cycle stage done", ["stage": .string(name), "count": .int(count), "seconds": .double(seconds)])
            return value
        }
    }

    /// Runs `body` for every item on `threads` threads; the first error stops the rest and is thrown.
    private func parallel<Item: Sendable>(_ items: [Item], _ body: @Sendable (Item) throws -> Void) throws {
        let next = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(threads, max(1, items.count))) { _ in
            while failure.withLock({ $0 == nil }) {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                do {
                    try body(items[index])
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw Failure.step("\(Item.self)", error) }
    }
}
