import Kinerja

/// The superior's decision on a keberatan (PP 30/2019 Pasal 59: upheld or changed; final).
public enum ObjectionDecision: Sendable, Hashable {
    /// `MENGUATKAN`: the evaluation stands.
    case menguatkan
    /// `MENGUBAH`: a new predikat with a new recommendation, which the reissued evaluation
    /// document carries (Perbup Tanah Laut 2024 Pasal 35 huruf f).
    case mengubah(predikat: Predikat, rekomendasi: String)

    /// `MENGUATKAN` or `MENGUBAH`.
    public var label: String {
        switch self {
        case .menguatkan: "MENGUATKAN"
        case .mengubah: "MENGUBAH"
        }
    }
}
