import Kinerja

extension IKI.Aspect {
    /// The aspect as the `ASPEK` column prints it: `Kuantitas`, `Kualitas`, `Waktu`, `Biaya`
    /// (documents.md §1: one row per aspect).
    public var label: String {
        switch self {
        case .kuantitas: "Kuantitas"
        case .kualitas: "Kualitas"
        case .waktu: "Waktu"
        case .biaya: "Biaya"
        }
    }
}
