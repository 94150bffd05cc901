/// A status that can exempt an employee from the performance-management obligations
/// (Perbup Karawang 28/2024: no reminders, not counted as missing).
public enum EmploymentStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Functional official whose performance is managed by the instansi pembina.
    case fungsionalInstansiPembina = "fungsional-instansi-pembina"
    /// Unpaid leave (cuti di luar tanggungan negara).
    case cutiDiLuarTanggunganNegara = "cuti-di-luar-tanggungan-negara"
    /// Study assignment (tugas belajar).
    case tugasBelajar = "tugas-belajar"
    /// Temporarily dismissed (diberhentikan sementara).
    case diberhentikanSementara = "diberhentikan-sementara"

    /// The Indonesian wording, for explanations.
    public var indonesianName: String {
        switch self {
        case .fungsionalInstansiPembina: "pejabat fungsional yang kinerjanya dikelola instansi pembina"
        case .cutiDiLuarTanggunganNegara: "cuti di luar tanggungan negara"
        case .tugasBelajar: "tugas belajar"
        case .diberhentikanSementara: "diberhentikan sementara"
        }
    }
}
