/// What a CSV import brings in, each with its own columns (header row required, names exact,
/// any order; columns marked optional may be left out). The natural key makes re-imports update.
///
/// - `units`: `kode_perangkat_daerah`, `nama_perangkat_daerah`, `kode_unit`, `nama_unit`,
///   `kode_unit_induk` (optional; empty = directly under the perangkat daerah). Creates or updates
///   perangkat daerah (by their code) and units (by `kode_unit`).
/// - `jabatan`: `kode_jabatan`, `nama_jabatan`, `jenis` (jpt, administrator, pengawas, pelaksana,
///   fungsional), `jenjang` (optional; required for fungsional: pemula, terampil, mahir, penyelia,
///   ahli-pertama, ahli-muda, ahli-madya, ahli-utama), `kode_unit`, `kode_jabatan_atasan`
///   (optional). Key: `kode_jabatan`.
/// - `employees`: `nip` (spaces allowed), `nama`, `jenis_pegawai` (PNS, PPPK, CPNS), `status`
///   (optional, default aktif: aktif, cuti-di-luar-tanggungan-negara, tugas-belajar,
///   diberhentikan-sementara, berhenti), `dikelola_instansi_pembina` (optional: ya/tidak),
///   `email` (optional). Key: `nip`.
/// - `assignments`: `nip`, `kode_jabatan`, `jenis_penempatan` (definitif, plt, plh), `mulai`
///   (YYYY-MM-DD), `selesai` (optional, YYYY-MM-DD). Key: (`nip`, `kode_jabatan`,
///   `jenis_penempatan`, `mulai`); a re-import may close an open assignment, never rewrite one.
public enum ImportKind: String, Sendable, CaseIterable {
    /// Perangkat daerah and units.
    case units
    /// Jabatan.
    case jabatan
    /// Employees.
    case employees
    /// Assignments of employees to jabatan.
    case assignments

    /// Required columns.
    public var requiredColumns: [String] {
        switch self {
        case .units: ["kode_perangkat_daerah", "nama_perangkat_daerah", "kode_unit", "nama_unit"]
        case .jabatan: ["kode_jabatan", "nama_jabatan", "jenis", "kode_unit"]
        case .employees: ["nip", "nama", "jenis_pegawai"]
        case .assignments: ["nip", "kode_jabatan", "jenis_penempatan", "mulai"]
        }
    }

    /// Optional columns.
    public var optionalColumns: [String] {
        switch self {
        case .units: ["kode_unit_induk"]
        case .jabatan: ["jenjang", "kode_jabatan_atasan"]
        case .employees: ["status", "dikelola_instansi_pembina", "email"]
        case .assignments: ["selesai"]
        }
    }
}
