import Foundation
import Kinerja
import Persistence

/// A Tanah Laut employee's evaluation as the performance cycle fills it: the sample that the
/// document tests print and `kinerja bench-documents` issues (so the benchmark measures a real
/// document, not an empty page).
public enum DocumentSample {
    /// The employee evaluated.
    public static let pegawai = PegawaiIdentity(
        nama: "Budi Santoso, S.Kom.", nip: NIP(storedDigits: "198503122010011003"),
        pangkatGolongan: "Penata (III/c)", jabatan: "Pranata Komputer Ahli Muda",
        unitKerja: "Bidang Pengembangan Aparatur, BKPSDM")
    /// Their evaluator.
    public static let pejabatPenilai = PegawaiIdentity(
        nama: "Siti Rahmawati, S.E., M.Si.", nip: NIP(storedDigits: "197806152003122002"),
        pangkatGolongan: "Pembina (IV/a)", jabatan: "Kepala Bidang Pengembangan Aparatur",
        unitKerja: "BKPSDM Kabupaten Tanah Laut")
    /// The evaluator's superior.
    public static let atasan = PegawaiIdentity(
        nama: "Drs. H. Ahmad Fauzi, M.M.", nip: NIP(storedDigits: "196904011994031005"),
        pangkatGolongan: "Pembina Utama Muda (IV/c)", jabatan: "Kepala BKPSDM",
        unitKerja: "BKPSDM Kabupaten Tanah Laut")

    /// A civil date that exists (the samples use only real dates).
    public static func civil(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
    }

    /// An RHK with three quantitative indicators.
    public static func rhk(_ number: Int, realised: Bool = false) -> RencanaHasilKerja {
        RencanaHasilKerja(
            rhkPimpinan: "Meningkatnya kualitas layanan kepegawaian berbasis digital (\(number))",
            rhk: "Tersusunnya laporan pengelolaan sistem informasi kepegawaian nomor \(number)",
            indikator: [
                IndikatorKinerjaIndividu(aspek: .kuantitas, indikator: "Jumlah laporan yang disusun", target: "12 laporan",
                                         realisasi: realised ? "3 laporan" : nil),
                IndikatorKinerjaIndividu(aspek: .kualitas, indikator: "Persentase laporan tanpa revisi", target: "100 %",
                                         realisasi: realised ? "100 %" : nil),
                IndikatorKinerjaIndividu(aspek: .waktu, indikator: "Waktu penyelesaian laporan", target: "12 bulan",
                                         realisasi: realised ? "3 bulan" : nil),
            ],
            umpanBalik: realised ? "Laporan tepat waktu; pertahankan." : nil)
    }

    /// The first-quarter 2025 evaluation with `rhkCount` realised RHK (the code is replaced when issued).
    public static func evaluation(issue: DocumentIssue, rhkCount: Int = 2,
                                  period: DocumentPeriod = DocumentPeriod(start: civil(2025, 1, 1), end: civil(2025, 3, 31),
                                                                          caption: .triwulan(1))) -> EvaluationDocumentData {
        let explained = PredikatQuadrant.evaluate(hasilKerja: .diAtasEkspektasi, perilakuKerja: .sesuaiEkspektasi)
        var perilaku = PerilakuKerjaItem.allWithoutEkspektasiKhusus
        perilaku[1].umpanBalik = "Menjaga integritas dalam pengelolaan data pegawai."
        return EvaluationDocumentData(
            issue: issue, period: period, pegawai: pegawai, pejabatPenilai: pejabatPenilai,
            atasanPejabatPenilai: atasan, capaianKinerjaOrganisasi: .baik,
            hasilKerjaUtama: (1...max(1, rhkCount)).map { rhk($0, realised: true) },
            ratingHasilKerja: .diAtasEkspektasi, perilakuKerja: perilaku, ratingPerilakuKerja: .sesuaiEkspektasi,
            predikat: explained.value, predikatBasis: explained.explanation,
            catatanRekomendasi: "Diikutsertakan dalam pelatihan analisis data kepegawaian.",
            signing: DocumentSigning(place: "Pelaihari", date: civil(2025, 4, 7)))
    }
}
