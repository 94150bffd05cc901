import Foundation
import Kinerja

/// Ratings a script gives a whole group so that finalising passes: used by `kinerja cycle annual`
/// (the annual evaluation of a demo regency, and the season benchmark), never by the API.
///
/// Quadrant model: with the organisation's achievement set to Baik (SE MenPANRB 3/2023: Baik at
/// most 70%; at least one Butuh Perbaikan or Kurang/Misconduct), a group of n gets floor(0.6·n)
/// Baik, max(1, n/10) Butuh Perbaikan, n/20 Kurang and the rest Sangat Baik.
/// Weighted model: scores that vary by position, so categories and nilai differ.
enum SyntheticRating {
    /// The organisation's achievement the ratings are made for.
    static let capaian = CapaianKinerjaOrganisasi.baik

    /// The predikat of member `index` (0-based) of a group of `size`.
    static func predikat(index: Int, size: Int) -> Predikat {
        let baik = size * 6 / 10, butuhPerbaikan = max(1, size / 10), kurang = size / 20
        switch index {
        case ..<baik: return .baik
        case ..<(baik + butuhPerbaikan): return .butuhPerbaikan
        case ..<(baik + butuhPerbaikan + kurang): return .kurang
        default: return .sangatBaik
        }
    }

    /// The two ratings that give `predikat` through the quadrant (PermenPANRB 6/2022 Lampiran).
    static func ratings(for predikat: Predikat) -> EvaluationRating.Quadrant {
        switch predikat {
        case .sangatBaik: .init(hasilKerja: .diAtasEkspektasi, perilakuKerja: .diAtasEkspektasi)
        case .baik: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi)
        case .butuhPerbaikan: .init(hasilKerja: .diBawahEkspektasi, perilakuKerja: .sesuaiEkspektasi)
        case .kurang: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .diBawahEkspektasi)
        case .sangatKurang: .init(hasilKerja: .diBawahEkspektasi, perilakuKerja: .diBawahEkspektasi)
        }
    }

    /// Weighted-model scores for member `index`: one activity over the year, behaviour 70–94;
    /// kepemimpinan where the post is rated on it (Perbup Pasuruan 117/2019 Pasal 12).
    static func scores(index: Int, jobKind: JobKind) -> WeightedModelInput {
        let step = Decimal(index % 5)
        let activity = WeightedActivity(name: "Kegiatan utama tahunan",
                                        quantity: .init(target: 12, realisation: 9 + step),
                                        quality: .init(target: 100, realisation: 80 + 4 * step),
                                        time: .init(target: 12, realisation: 12))
        let behaviour = 70 + 6 * step
        let leads = [.jpt, .administrator, .pengawas].contains(jobKind)
        return WeightedModelInput(jobKind: jobKind, activities: [activity],
                                  perilaku: PerilakuKerjaScores(orientasiPelayanan: behaviour, komitmen: behaviour,
                                                                inisiatifKerja: behaviour, kerjasama: behaviour,
                                                                kepemimpinan: leads ? behaviour : nil))
    }

    /// A plan that passes submission under `ruleSet`: one RHK utama from the perjanjian kinerja
    /// with quantity, quality and time indicators (time in months: allowed everywhere, and the only
    /// unit Perbup Pasuruan 117/2019 Pasal 10 allows), and the rule set's behaviour aspects.
    static func plan(ruleSet: RuleSet) -> SKPContent {
        let iki = [
            IKI(aspect: .kuantitas, indicator: "Jumlah laporan yang diselesaikan", approach: .kuantitatif, targetValue: 12,
                unit: "laporan"),
            IKI(aspect: .kualitas, indicator: "Laporan diterima tanpa perbaikan", approach: .kuantitatif, targetValue: 100,
                unit: "persen"),
            IKI(aspect: .waktu, indicator: "Waktu penyelesaian", approach: .kuantitatif, targetValue: 12, unit: "bulan"),
        ]
        return SKPContent(
            rhk: [RHK(id: UUID(), kind: .utama, text: "Tersusunnya laporan kinerja unit yang tepat waktu",
                      serves: .perjanjianKinerja("Perjanjian kinerja unit, sasaran 1"), iki: iki)],
            perilaku: PerilakuKerjaEkspektasi.aspects(of: ruleSet.behaviour.model).map { PerilakuKerjaEkspektasi(aspect: $0) })
    }
}
