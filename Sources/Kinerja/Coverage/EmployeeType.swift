/// The kind of civil servant (ASN) an employee is.
public enum EmployeeType: String, Sendable, Codable, CaseIterable, Hashable {
    /// Pegawai Negeri Sipil: permanent civil servant.
    case pns = "PNS"
    /// Pegawai Pemerintah dengan Perjanjian Kerja: contract civil servant.
    case pppk = "PPPK"
    /// Calon PNS: candidate civil servant in the probation year.
    case cpns = "CPNS"
}
