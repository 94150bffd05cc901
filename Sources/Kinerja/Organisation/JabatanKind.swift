/// The kind of a jabatan (PermenPANRB 6/2022; UU 20/2023 on ASN): structural posts from the top
/// (JPT) down to Pengawas, then Pelaksana, and functional posts with their jenjang.
public enum JabatanKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Jabatan Pimpinan Tinggi (e.g. kepala dinas, sekretaris daerah).
    case jpt
    /// Jabatan Administrator (e.g. sekretaris dinas, kepala bidang).
    case administrator
    /// Jabatan Pengawas (e.g. kepala seksi, kepala subbagian).
    case pengawas
    /// Jabatan Pelaksana.
    case pelaksana
    /// Jabatan Fungsional, with a jenjang.
    case fungsional

    /// Whether a holder of this kind may be a pejabat penilai kinerja on their own authority:
    /// at least Pengawas (domain.md, "Who evaluates whom"; PermenPANRB 6/2022).
    public var mayEvaluate: Bool {
        switch self {
        case .jpt, .administrator, .pengawas: true
        case .pelaksana, .fungsional: false
        }
    }

    /// Whether the post has one holder at a time (structural posts); Pelaksana and functional
    /// posts are formations held by many.
    public var isSingleHolder: Bool { mayEvaluate }

    /// The Indonesian name.
    public var indonesianName: String {
        switch self {
        case .jpt: "JPT"
        case .administrator: "Administrator"
        case .pengawas: "Pengawas"
        case .pelaksana: "Pelaksana"
        case .fungsional: "Fungsional"
        }
    }
}
