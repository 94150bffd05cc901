import Foundation

/// What a person may be in the system (architecture.md, "Security"). Some roles are granted by
/// an admin, some are derived from the organisation's hierarchy on a date.
public enum Role: Sendable, Hashable, Codable {
    /// Every user tied to an employee record: sees and works on their own SKP.
    case pegawai
    /// Derived: the evaluator (pejabat penilai kinerja) of at least one employee on the date
    /// (PermenPANRB 6/2022; domain.md "Who evaluates whom").
    case pejabatPenilai
    /// Derived: the evaluator's superior, who decides objections and SKP disputes (PP 30/2019 Pasal 59).
    case atasanPejabatPenilai
    /// Granted: manages performance data of one perangkat daerah (e.g. reviews SKP in Pasuruan,
    /// Perbup 117/2019 Pasal 6 ayat (2)).
    case pengelolaKinerja(perangkatDaerah: UUID)
    /// Granted: the regency's personnel agency (BKPSDM), administrator of one tenant.
    case tenantAdmin
    /// A platform operator; belongs to no tenant.
    case centralAdmin

    /// Whether an admin grants this role (as opposed to the hierarchy deriving it).
    public var isGranted: Bool {
        switch self {
        case .pengelolaKinerja, .tenantAdmin, .centralAdmin: true
        case .pegawai, .pejabatPenilai, .atasanPejabatPenilai: false
        }
    }

    /// The stable code used in the API and the database (`tenant_admin`, ...).
    public var code: String {
        switch self {
        case .pegawai: "pegawai"
        case .pejabatPenilai: "pejabat_penilai"
        case .atasanPejabatPenilai: "atasan_pejabat_penilai"
        case .pengelolaKinerja: "pengelola_kinerja"
        case .tenantAdmin: "tenant_admin"
        case .centralAdmin: "central_admin"
        }
    }
}
