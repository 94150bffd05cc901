/// An employee's employment status as the personnel record holds it.
public enum EmployeeStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Active.
    case aktif
    /// Unpaid leave (cuti di luar tanggungan negara).
    case cutiDiLuarTanggunganNegara = "cuti-di-luar-tanggungan-negara"
    /// Study assignment (tugas belajar).
    case tugasBelajar = "tugas-belajar"
    /// Temporarily dismissed (diberhentikan sementara).
    case diberhentikanSementara = "diberhentikan-sementara"
    /// Retired or left the service (pensiun / berhenti).
    case berhenti

    /// The exemption this status gives in the coverage rules (Perbup Karawang 28/2024), if any.
    public var exemption: EmploymentStatus? {
        switch self {
        case .cutiDiLuarTanggunganNegara: .cutiDiLuarTanggunganNegara
        case .tugasBelajar: .tugasBelajar
        case .diberhentikanSementara: .diberhentikanSementara
        case .aktif, .berhenti: nil
        }
    }
}
