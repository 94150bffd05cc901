/// What an issued document is (migration 0008, `documents.kind`).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The SKP with its Lampiran.
    case skp
    /// A periodic (monthly, quarterly, …) evaluation.
    case evaluationPeriodic = "evaluation_periodic"
    /// The annual evaluation.
    case evaluationAnnual = "evaluation_annual"
    /// A keberatan with the superior's decision.
    case objectionDecision = "objection_decision"

    /// The document's name in Bahasa Indonesia, for the public verification answer.
    public var label: String {
        switch self {
        case .skp: "Sasaran Kinerja Pegawai"
        case .evaluationPeriodic: "Evaluasi Kinerja Pegawai Periodik"
        case .evaluationAnnual: "Evaluasi Kinerja Pegawai Tahunan"
        case .objectionDecision: "Keputusan atas Keberatan Hasil Evaluasi Kinerja Pegawai"
        }
    }
}
