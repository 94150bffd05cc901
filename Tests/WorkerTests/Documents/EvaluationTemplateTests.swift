import Foundation
import Kinerja
import Testing
import TestSupport
@testable import Worker

@Suite struct EvaluationTemplateTests {
    @Test func periodicEvaluationPrintsTheDokumenAndTheRatedSKP() throws {
        let pdf = try RenderedPDF(EvaluationTemplate(try DocumentFixtures.evaluation()).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["DOKUMEN EVALUASI KINERJA PEGAWAI", "EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN I",
                         "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2025",
                         "ATASAN PEJABAT PENILAI KINERJA", "Drs. H. Ahmad Fauzi, M.M.", "19690401 199403 1 005",
                         "Budi Santoso, S.Kom.", "19850312 201001 1 003", "Siti Rahmawati, S.E., M.Si.",
                         "CAPAIAN KINERJA ORGANISASI BAIK", "POLA DISTRIBUSI",
                         "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
                         "Frekuensi Pegawai", "Kurang/ Misconduct",
                         "REALISASI", "3 laporan", "Laporan tepat waktu;",
                         "RATING HASIL KERJA DI ATAS EKSPEKTASI", "RATING PERILAKU KERJA SESUAI EKSPEKTASI",
                         "PREDIKAT KINERJA PEGAWAI BAIK", "DASAR PENETAPAN PREDIKAT", "PermenPANRB 6/2022",
                         "Menjaga integritas dalam pengelolaan data pegawai.",
                         "CATATAN/REKOMENDASI", "Diikutsertakan dalam pelatihan analisis data kepegawaian.",
                         "Pelaihari, 7 April 2025", "Kode verifikasi: WXYZ-2345", "/v1/verify/WXYZ-2345"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // The Dokumen Evaluasi is one page: notes and both signatures on the first.
        let first = try #require(try pdf.pages().first)
        #expect(first.contains("Diikutsertakan dalam pelatihan"))
        #expect(first.contains("Pegawai yang Dinilai,") && first.contains("Pejabat Penilai Kinerja,"))
    }

    @Test func annualEvaluationIsCaptionedAkhir() throws {
        let pdf = try RenderedPDF(EvaluationTemplate(try DocumentFixtures.evaluation(period: .year(2025))).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        #expect(text.contains("PERIODE: AKHIR"))
        #expect(text.contains("PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025"))
    }

    @Test(arguments: Predikat.allCases)
    func everyPredikatPrintsInCapitals(predikat: Predikat) throws {
        var data = try DocumentFixtures.evaluation()
        data.predikat = predikat
        data.capaianKinerjaOrganisasi = .istimewa
        let pdf = try RenderedPDF(EvaluationTemplate(data).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        #expect(text.contains("PREDIKAT KINERJA PEGAWAI \(predikat.label.uppercased())"))
        #expect(text.contains("CAPAIAN KINERJA ORGANISASI ISTIMEWA"))
    }

    @Test func monthlyPeriodsAreCaptionedByMonth() {
        let period = EvaluationPeriod(containing: DocumentFixtures.civil(2025, 5, 14), cadence: .monthly)
        #expect(DocumentPeriod(period).captionLine == "PERIODE: BULAN MEI")
        let quarter = EvaluationPeriod(containing: DocumentFixtures.civil(2025, 11, 2), cadence: .quarterly)
        #expect(DocumentPeriod(quarter).captionLine == "PERIODE: TRIWULAN IV")
        #expect(DocumentPeriod(quarter).penilaianLine == "PERIODE PENILAIAN: 1 OKTOBER SD 31 DESEMBER TAHUN 2025")
        #expect(DocumentPeriod(quarter).label == "1 Oktober s.d. 31 Desember 2025")
        #expect(DocumentPeriod(EvaluationPeriod(containing: DocumentFixtures.civil(2025, 2, 1), cadence: .annual)).isAnnual)
    }
}
