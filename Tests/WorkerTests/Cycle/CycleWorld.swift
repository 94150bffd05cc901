import Foundation
import JobQueue
import Kinerja
import Persistence
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Worker

/// A throwaway regency with one evaluation cycle, written straight into the tables of migrations
/// 0005, 0007 and 0015 (the cycle's own code lives on other branches): a perangkat daerah with a
/// three-level hierarchy, the Karawang rule set, approved SKP for the pegawai and the evaluator
/// (the pegawai's RHK serves the evaluator's), a quarter of 2026 with the organisation's achievement
/// set, and the pegawai's final evaluation. Names carry a random token, so mails are told apart.
final class CycleWorld: Sendable {
    let tenant: UUID
    let slug: String
    let pool: PostgresPool
    let token: String
    let perangkatDaerah: UUID
    let pegawai: UUID, evaluator: UUID, superior: UUID
    let period: UUID
    let evaluation: UUID
    let pegawaiName: String

    static let pegawaiNIP = "198503122010011003"
    static let evaluatorNIP = "197806152003122002"
    static let superiorNIP = "196904011994031005"

    /// Whether the regency rates by the weighted model (Pasuruan's rule set) instead of the quadrant (Karawang's).
    let weighted: Bool

    /// The weighted model's scores of the pegawai's evaluation (Perbup Pasuruan 117/2019).
    static let scores = WeightedModelInput(
        jobKind: .pelaksana,
        activities: [WeightedActivity(name: "Menyusun laporan kepegawaian bulanan",
                                      quantity: TargetRealisation(target: 12, realisation: 12),
                                      quality: TargetRealisation(target: 100, realisation: 90),
                                      time: TargetRealisation(target: 12, realisation: 12))],
        perilaku: PerilakuKerjaScores(orientasiPelayanan: 80, komitmen: 85, inisiatifKerja: 75, kerjasama: 90))

    init(weighted: Bool = false) throws {
        self.weighted = weighted
        let url = try #require(TestEnvironment.databaseURL)
        pool = PostgresPool(configuration: PostgresPool.Configuration(url: url, maxConnections: 4), logger: .silent)
        token = String(UUID().uuidString.prefix(8).lowercased())
        tenant = UUID()
        slug = "c-" + token
        pegawaiName = "Budi Santoso \(token), S.Kom."
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        try owner.query("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(tenant), \(slug), \("Kabupaten Uji " + token), \("Jawa Barat"), \("Asia/Jakarta"))
            """)
        let record = Tenant(id: tenant, slug: slug, name: "Kabupaten Uji " + token, province: "Jawa Barat",
                            timeZone: "Asia/Jakarta", active: true)
        let seeded = weighted ? "pasuruan" : "karawang"
        let document = String(decoding: try SeededRuleSets.data(for: seeded), as: UTF8.self)
            .replacingOccurrences(of: "\"tenant\": \"\(seeded)\"", with: "\"tenant\": \"\(slug)\"")
        let rules = RuleSetStore(pool: pool)
        let draft = try rules.createDraft(tenant: record, document: Data(document.utf8), by: .system("test"), at: Date())
        _ = try rules.publish(tenant: record, number: draft.number, validFrom: Self.day(2024, 1, 1), by: .system("test"),
                              at: Date())

        perangkatDaerah = UUID()
        pegawai = UUID(); evaluator = UUID(); superior = UUID()
        period = UUID(); evaluation = UUID()
        let unit = UUID(), kaban = UUID(), kabid = UUID(), staff = UUID()
        let (tenant, token, pd) = (self.tenant, self.token, perangkatDaerah)
        let people = [(pegawai, Self.pegawaiNIP, pegawaiName, staff, "budi"),
                      (evaluator, Self.evaluatorNIP, "Siti Rahmawati \(token), S.E., M.Si.", kabid, "siti"),
                      (superior, Self.superiorNIP, "Drs. H. Ahmad Fauzi \(token), M.M.", kaban, "ahmad")]
        try pool.transaction(tenant: tenant) { c in
            try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(tenant), \(pd), \("BKPSDM"), \("Badan Kepegawaian dan Pengembangan SDM"))")
            try c.query("""
                INSERT INTO unit_kerja (tenant_id, id, perangkat_daerah_id, code, name)
                VALUES (\(tenant), \(unit), \(pd), \("BANG"), \("Bidang Pengembangan Aparatur"))
                """)
            for (id, superiorPost, code, name, kind) in [(kaban, nil as UUID?, "KABAN", "Kepala Badan", "jpt"),
                                                         (kabid, kaban, "KABID", "Kepala Bidang Pengembangan Aparatur", "administrator"),
                                                         (staff, kabid, "PRANATA", "Pranata Komputer", "pelaksana")] {
                try c.query("""
                    INSERT INTO jabatan (tenant_id, id, unit_kerja_id, superior_id, code, name, kind)
                    VALUES (\(tenant), \(id), \(unit), \(superiorPost), \(code), \(name), \(kind))
                    """)
            }
            for (id, nip, name, post, mailbox) in people {
                try c.query("""
                    INSERT INTO employees (tenant_id, id, nip, name, type, status, email)
                    VALUES (\(tenant), \(id), \(nip), \(name), 'PNS', 'aktif', \("\(mailbox)-\(token)@uji.go.id"))
                    """)
                try c.query("""
                    INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from)
                    VALUES (\(tenant), \(UUID()), \(id), \(post), 'definitif', '2020-01-01')
                    """)
            }
        }
        let superiorRHK = try approvedSKP(for: evaluator, evaluator: superior, superior: nil,
                                          rhk: "Meningkatnya kualitas layanan kepegawaian berbasis digital \(token)")
        let skp = try approvedSKP(for: pegawai, evaluator: evaluator, superior: superior,
                                  rhk: "Tersusunnya laporan sistem informasi kepegawaian \(token)", serving: superiorRHK.rhk).skp
        let (period, evaluation, pegawai, evaluator, superior) = (period, evaluation, pegawai, evaluator, superior)
        let model = weighted ? "weighted" : "quadrant"
        // The result as the evaluation core stores it: the engine's outcome and explanation.
        var scores: PostgresJSONB?, nilai: Decimal?, predikat: String, explained: Explanation
        var ratings: (String?, String?) = (nil, nil)
        if weighted {
            let ruleSet = try #require(try rules.inForce(tenant: tenant, on: Self.day(2026, 3, 31))).ruleSet
            let outcome = try WeightedModel.evaluate(Self.scores, ruleSet: ruleSet)
            scores = try PostgresJSONB(encoding: Self.scores)
            nilai = outcome.value.nilaiPrestasiKerja
            predikat = outcome.value.kategori.rawValue
            explained = outcome.explanation
        } else {
            let outcome = PredikatQuadrant.evaluate(hasilKerja: .diAtasEkspektasi, perilakuKerja: .sesuaiEkspektasi)
            predikat = outcome.value.rawValue
            explained = outcome.explanation
            ratings = ("di-atas-ekspektasi", "sesuai-ekspektasi")
        }
        let explanation = try PostgresJSONB(encoding: explained)
        try pool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO evaluation_periods (tenant_id, id, kind, cadence, year, starts_on, ends_on, rule_set_version, model, opened_at)
                VALUES (\(tenant), \(period), 'periodic', 'quarterly', 2026, '2026-01-01', '2026-03-31', \(draft.version.reference), \(model), now())
                """)
            try c.query("""
                INSERT INTO evaluation_groups (tenant_id, period_id, scope, scope_id, capaian, capaian_set_at)
                VALUES (\(tenant), \(period), 'perangkat-daerah', \(pd), \(model == "quadrant" ? "baik" : nil),
                        \(model == "quadrant" ? Date() : nil))
                """)
            try c.query("""
                INSERT INTO evaluations (tenant_id, id, period_id, employee_id, skp_id, evaluator_id, evaluator_superior_id,
                                         perangkat_daerah_id, group_id, status, hasil_kerja_rating, perilaku_kerja_rating,
                                         scores, nilai, predikat, explanation, notes, recommendation, rated_at, finalised_at,
                                         version, created_at, updated_at)
                VALUES (\(tenant), \(evaluation), \(period), \(pegawai), \(skp), \(evaluator), \(superior), \(pd), \(pd), 'final',
                        \(ratings.0), \(ratings.1), \(scores), \(nilai), \(predikat), \(explanation),
                        \("Laporan tepat waktu sepanjang triwulan."), \("Diikutsertakan pelatihan analisis data."),
                        '2026-04-06T03:00:00Z', '2026-04-07T03:00:00Z', 1, now(), now())
                """)
        }
    }

    deinit { pool.close() }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
    }

    /// An approved 2026 SKP for `employee` with one RHK of three indicators; returns the SKP's and the RHK's id.
    @discardableResult
    func approvedSKP(for employee: UUID, evaluator: UUID, superior: UUID?, rhk text: String,
                     serving: UUID? = nil) throws -> (skp: UUID, rhk: UUID) {
        let skp = UUID(), rhk = UUID(), tenant = self.tenant, pd = perangkatDaerah
        let lampiran = try PostgresJSONB(encoding: SKPLampiran())
        try pool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO skp (tenant_id, id, employee_id, year, start_month, evaluator_id, evaluator_superior_id,
                                 perangkat_daerah_id, rule_set_version, created_at, updated_at)
                VALUES (\(tenant), \(skp), \(employee), 2026, 1, \(evaluator), \(superior), \(pd), '1', now(), now())
                """)
            try c.query("""
                INSERT INTO skp_revisions (tenant_id, skp_id, revision, status, lampiran, created_at, approved_at)
                VALUES (\(tenant), \(skp), 1, 'approved', \(lampiran), now(), '2026-01-20T03:00:00Z')
                """)
            try c.query("""
                INSERT INTO skp_rhk (tenant_id, skp_id, revision, id, position, kind, text, superior_rhk_id)
                VALUES (\(tenant), \(skp), 1, \(rhk), 0, 'utama', \(text), \(serving))
                """)
            for (position, aspect, indicator, target, unit) in [(0, "kuantitas", "Jumlah laporan yang disusun", 12, "laporan"),
                                                                (1, "kualitas", "Persentase laporan tanpa revisi", 100, "%"),
                                                                (2, "waktu", "Waktu penyelesaian laporan", 12, "bulan")] {
                try c.query("""
                    INSERT INTO skp_iki (tenant_id, skp_id, revision, rhk_id, position, aspect, indicator, approach, target_value, unit)
                    VALUES (\(tenant), \(skp), 1, \(rhk), \(position), \(aspect), \(indicator), 'kuantitatif', \(target), \(unit))
                    """)
            }
            for (position, aspect) in PerilakuKerjaEkspektasi.aspects(of: .berakhlak).enumerated() {
                let khusus: String? = position == 0 ? "Menanggapi pertanyaan pegawai paling lambat satu hari kerja" : nil
                try c.query("""
                    INSERT INTO skp_perilaku (tenant_id, skp_id, revision, aspect, position, ekspektasi_khusus)
                    VALUES (\(tenant), \(skp), 1, \(aspect), \(position), \(khusus))
                    """)
            }
        }
        return (skp, rhk)
    }

    /// Another employee of the tenant (no post, no SKP); `status` as in `employees.status`.
    func employee(_ name: String, nip: String, status: String = "aktif") throws -> UUID {
        let id = UUID(), tenant = self.tenant, token = self.token
        try pool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status, email)
                VALUES (\(tenant), \(id), \(nip), \("\(name) \(token)"), 'PNS', \(status), \("\(nip)-\(token)@uji.go.id"))
                """)
        }
        return id
    }

    /// A keberatan against the pegawai's evaluation: filed (due at `due`), or decided (`changed`
    /// or `upheld`); a change also raises the evaluation's version as the deciding transaction does.
    func objection(outcome: String? = nil, due: Date? = nil) throws -> UUID {
        let id = UUID(), tenant = self.tenant
        let (evaluation, pegawai, superior) = (self.evaluation, self.pegawai, self.superior)
        let previous = try PostgresJSONB(encoding: ["predikat": "baik"])
        let new = try PostgresJSONB(encoding: ["predikat": "sangat-baik"])
        try pool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO objections (tenant_id, id, evaluation_id, employee_id, decider_id, reasons, document_received_at,
                                        filed_at, filing_deadline, decision_due_at, status, evaluator_explanation, outcome,
                                        decision_notes, new_recommendation, previous_result, new_result, decided_by, decided_at)
                VALUES (\(tenant), \(id), \(evaluation), \(pegawai), \(superior),
                        \("Realisasi laporan bulan Maret belum diperhitungkan karena bukti dukung terlambat diunggah."),
                        '2026-04-08T02:00:00Z', '2026-04-10T02:00:00Z', '2026-04-22T16:59:59Z', \(due ?? Date(timeIntervalSince1970: 1_776_700_000)),
                        \(outcome == nil ? "filed" : "decided"), \("Bukti dukung diterima setelah penilaian ditutup."),
                        \(outcome), \(outcome.map { _ in "Bukti dukung sah dan tepat waktu menurut sistem." }),
                        \(outcome == "changed" ? "Diusulkan masuk kelompok rencana suksesi." : nil),
                        \(previous), \(outcome == "changed" ? new : nil), \(outcome == nil ? nil : superior),
                        \(outcome == nil ? nil : Date(timeIntervalSince1970: 1_776_400_000)))
                """)
            if outcome == "changed" {
                try c.query("SELECT set_config('kinerja.objection_id', \(id.uuidString.lowercased()), true)")
                try c.query("""
                    UPDATE evaluations SET version = version + 1, predikat = 'sangat-baik', updated_at = now() WHERE id = \(evaluation)
                    """)
            }
        }
        return id
    }

    /// A worker service on a queue of its own (it claims no other test's jobs), mailing to `smtpURL`.
    func service(smtpURL: String) throws -> WorkerService {
        let app = try #require(TestEnvironment.databaseURL)
        var configuration = try WorkerConfiguration.fromEnvironment([
            "KINERJA_DATABASE_URL": app, "KINERJA_SMTP_URL": smtpURL, "KINERJA_SMTP_STARTTLS": "none",
            "KINERJA_MAIL_FROM": "bkpsdm@uji.go.id", "KINERJA_MAIL_FROM_NAME": "BKPSDM Uji",
            "KINERJA_PUBLIC_URL": "https://kinerja.uji.go.id/",
            "KINERJA_WORKER_METRICS_PORT": "0", "KINERJA_WORKER_THREADS": "2",
        ])
        configuration.queue = JobQueue.Configuration(name: "cycle_" + token, channel: "cycle_" + token,
                                                     leaderLockKey: Int64.random(in: 1...Int64.max))
        return try WorkerService(configuration: configuration, logger: .silent)
    }

    /// The queue of `service`.
    func queue(_ service: WorkerService) -> JobQueue {
        JobQueue(pool: service.pool, configuration: service.configuration.queue, logger: .silent)
    }

    /// Enqueues `kind` with `args` for the tenant on `queue`; returns the job id.
    @discardableResult
    func enqueue(_ kind: String, _ args: some Encodable, on queue: JobQueue, uniqueKey: String? = nil) throws -> Int {
        let tenant = self.tenant
        return try #require(try pool.transaction { connection in
            try queue.enqueue(on: connection, kind: kind, args: args, tenantID: tenant, uniqueKey: uniqueKey, maxAttempts: 3)
        })
    }

    /// Claims the job `id` from `queue` (the test runs it by hand, as a worker would, twice if it likes).
    func claim(_ id: Int, from queue: JobQueue) throws -> Job {
        try #require(try queue.claim(batch: 10, workerID: "test").first { $0.id == id })
    }

    /// Jobs of the tenant by kind, in any state.
    func jobs(kindPrefix: String) throws -> [(kind: String, uniqueKey: String?, args: PostgresJSONB)] {
        let tenant = self.tenant
        return try pool.withConnection { c in
            try c.query("""
                SELECT kind, unique_key, args FROM jobs WHERE tenant_id = \(tenant) AND kind LIKE \(kindPrefix + "%") ORDER BY id
                """).map { try $0.decode((String, String?, PostgresJSONB).self) }
        }
    }

    /// The in-app notifications of `employee`.
    func notifications(of employee: UUID) throws -> [InAppNotification] {
        try NotificationStore(pool: pool).list(tenant: tenant, recipient: employee, unreadOnly: false, before: nil, limit: 200)
    }
}
