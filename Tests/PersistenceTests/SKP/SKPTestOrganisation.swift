import Synchronization
import Foundation
import Kinerja
import Postgres
@testable import Persistence

/// A small organisation in one tenant for SKP store tests, inserted as the application would:
/// one perangkat daerah, a head (Administrator), a Pengawas under the head, and staff under the Pengawas.
struct SKPTestOrganisation {
    let tenant: UUID
    let perangkatDaerah: UUID
    let head: UUID
    let pengawas: UUID
    var staff: [UUID]

    static func make(_ pool: PostgresPool, tenant: UUID, staff count: Int = 3,
                     type: String = "PNS") throws -> SKPTestOrganisation {
        try pool.transaction(tenant: tenant) { c in
            let pd = UUID(), unit = UUID(), headPost = UUID(), pengawasPost = UUID(), staffPost = UUID()
            let tag = String(UUID().uuidString.prefix(8))
            try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(tenant), \(pd), \("PD-" + tag), 'Dinas Uji')")
            try c.query("""
                INSERT INTO unit_kerja (tenant_id, id, perangkat_daerah_id, code, name)
                VALUES (\(tenant), \(unit), \(pd), \("U-" + tag), 'Bidang Uji')
                """)
            for (post, superior, kind, code) in [(headPost, UUID?.none, "administrator", "H"), (pengawasPost, headPost, "pengawas", "P"),
                                                 (staffPost, pengawasPost, "pelaksana", "S")] {
                try c.query("""
                    INSERT INTO jabatan (tenant_id, id, unit_kerja_id, superior_id, code, name, kind)
                    VALUES (\(tenant), \(post), \(unit), \(superior), \(code + "-" + tag), \("Jabatan " + code), \(kind))
                    """)
            }
            func employee(_ name: String, post: UUID, type: String = "PNS", status: String = "aktif") throws -> UUID {
                let id = UUID()
                let nip = SKPTestOrganisation.nextNIP()
                try c.query("""
                    INSERT INTO employees (tenant_id, id, nip, name, type, status)
                    VALUES (\(tenant), \(id), \(nip), \(name), \(type), \(status))
                    """)
                try c.query("""
                    INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from)
                    VALUES (\(tenant), \(UUID()), \(id), \(post), \(post == staffPost ? "plt" : "definitif"), '2020-01-01')
                    """)
                return id
            }
            let head = try employee("Kepala Bidang", post: headPost)
            let pengawas = try employee("Kepala Seksi", post: pengawasPost)
            var staff: [UUID] = []
            for index in 0..<count { staff.append(try employee(String(format: "Staf %02d", index), post: staffPost, type: type)) }
            return SKPTestOrganisation(tenant: tenant, perangkatDaerah: pd, head: head, pengawas: pengawas, staff: staff)
        }
    }

    /// Adds an employee with `type` and `status` in the same post as the staff.
    func addEmployee(_ pool: PostgresPool, name: String, type: String, status: String) throws -> UUID {
        try pool.transaction(tenant: tenant) { c in
            let post = try c.query("""
                SELECT jabatan_id FROM assignments WHERE employee_id = \(staff[0])
                """).first?.decode(UUID.self, at: 0)
            let id = UUID()
            let nip = SKPTestOrganisation.nextNIP()
            try c.query("INSERT INTO employees (tenant_id, id, nip, name, type, status) VALUES (\(tenant), \(id), \(nip), \(name), \(type), \(status))")
            try c.query("""
                INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from)
                VALUES (\(tenant), \(UUID()), \(id), \(post), 'plt', '2020-01-01')
                """)
            return id
        }
    }

    /// A new draft SKP of `employee` with `evaluator` as pejabat penilai and the head as superior.
    func newSKP(employee: UUID, evaluator: UUID, year: Int = 2026, ruleSet: RuleSet) -> SKP {
        SKP(id: UUID(), employeeID: employee, year: year, startMonth: 1, evaluatorID: evaluator,
            evaluatorSuperiorID: evaluator == head ? nil : head, perangkatDaerahID: perangkatDaerah,
            ruleSetVersion: ruleSet.tenant + "@1", content: SKPContent.empty(for: ruleSet))
    }

    /// A valid plan with one RHK utama and two IKI, serving `superior` when given.
    static func content(ruleSet: RuleSet, serves: RHKLink? = .perjanjianKinerja("PK 2026 sasaran 1"), timeUnit: String = "bulan",
                        rhkID: UUID = UUID()) -> SKPContent {
        var content = SKPContent.empty(for: ruleSet)
        content.rhk = [RHK(id: rhkID, kind: .utama, text: "Tersusunnya laporan kinerja bidang", serves: serves, iki: [
            IKI(aspect: .kuantitas, indicator: "Jumlah laporan", approach: .kuantitatif, targetValue: 12, unit: "laporan"),
            IKI(aspect: .waktu, indicator: "Ketepatan waktu", approach: .kuantitatif, targetValue: 12, unit: timeUnit),
        ])]
        content.perilaku[0].ekspektasiKhusus = "Menanggapi pengaduan dalam 1 hari kerja"
        content.lampiran = SKPLampiran(resources: [.init(kind: .anggaran, text: "DPA bidang")], reportingSchedule: .bulanan,
                                       positiveConsequence: "Prioritas pengembangan kompetensi")
        return content
    }
}

/// Collects the notifications a store queues, to check them after the transaction.
final class RecordingNotifier: Sendable {
    private let box = Mutex<[SKPNotification]>([])

    var notifier: SKPNotifier {
        SKPNotifier { notification, connection in
            // Recorded only when called inside the change's transaction.
            let inTransaction = connection.transactionStatus == .inTransaction
            self.box.withLock { if inTransaction { $0.append(notification) } }
        }
    }

    var recorded: [SKPNotification] { box.withLock { $0 } }
}

extension SKPTestOrganisation {
    private static let nipSequence = Mutex(0)

    /// A valid NIP no other employee made by these fixtures has: random NIPs collide (a birthday
    /// paradox within one tenant), a shared sequence cannot.
    static func nextNIP() -> String {
        let n = nipSequence.withLock { value -> Int in
            value += 1
            return value
        }
        // Birth date, CPNS month, then sex digit 1 and the sequence 001–999 (never 000).
        return "198503122010" + String(format: "%02d", 1 + (n / 999) % 12) + "1" + String(format: "%03d", 1 + n % 999)
    }
}
