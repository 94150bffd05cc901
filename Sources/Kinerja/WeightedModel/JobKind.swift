/// The kind of position (jabatan) an employee holds.
public enum JobKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Jabatan Pimpinan Tinggi.
    case jpt
    /// Jabatan Administrator.
    case administrator
    /// Jabatan Pengawas.
    case pengawas
    /// Jabatan Pelaksana.
    case pelaksana
    /// Jabatan Fungsional.
    case fungsional
}
