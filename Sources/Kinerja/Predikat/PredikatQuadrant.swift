/// The national 3×3 quadrant: results rating × behaviour rating → predikat (PermenPANRB 6/2022).
///
/// | results \ behaviour | di bawah | sesuai | di atas |
/// |---|---|---|---|
/// | di atas | Kurang/Misconduct | Baik | Sangat Baik |
/// | sesuai | Kurang/Misconduct | Baik | Baik |
/// | di bawah | Sangat Kurang | Butuh Perbaikan | Butuh Perbaikan |
public enum PredikatQuadrant {
    /// The predikat of one cell, without explanation.
    public static func predikat(hasilKerja: Rating, perilakuKerja: Rating) -> Predikat {
        switch (hasilKerja, perilakuKerja) {
        case (.diAtasEkspektasi, .diAtasEkspektasi): .sangatBaik
        case (.diAtasEkspektasi, .sesuaiEkspektasi), (.sesuaiEkspektasi, .sesuaiEkspektasi),
             (.sesuaiEkspektasi, .diAtasEkspektasi): .baik
        // Behaviour below expectations marks misconduct whatever the results, unless results are also below.
        case (.diAtasEkspektasi, .diBawahEkspektasi), (.sesuaiEkspektasi, .diBawahEkspektasi): .kurang
        case (.diBawahEkspektasi, .diBawahEkspektasi): .sangatKurang
        case (.diBawahEkspektasi, .sesuaiEkspektasi), (.diBawahEkspektasi, .diAtasEkspektasi): .butuhPerbaikan
        }
    }

    /// The predikat with its explanation; `basis` is the tenant's citation for the quadrant.
    public static func evaluate(hasilKerja: Rating, perilakuKerja: Rating,
                                basis: LegalBasis = .permenPANRB6of2022(note: "kuadran kinerja pegawai"))
        -> Explained<Predikat> {
        let result = predikat(hasilKerja: hasilKerja, perilakuKerja: perilakuKerja)
        var explanation = Explanation()
        explanation.add("Rating hasil kerja: \(hasilKerja.label); rating perilaku kerja: \(perilakuKerja.label).",
                        [.init("hasilKerja", hasilKerja.rawValue), .init("perilakuKerja", perilakuKerja.rawValue)])
        explanation.add("Kuadran kinerja: baris hasil kerja \(hasilKerja.label), kolom perilaku kerja "
                        + "\(perilakuKerja.label) menghasilkan predikat \(result.label).",
                        [.init("predikat", result.rawValue)], basis: basis)
        return Explained(result, explanation)
    }
}
