import Foundation
import Kinerja
import Testing
import TestSupport
@testable import Worker

@Suite struct ObjectionDecisionTemplateTests {
    @Test func changedDecisionPrintsTheNewPredikatAndRecommendation() throws {
        let data = try DocumentFixtures.objection(decision: .mengubah(predikat: .baik,
                                                                      rekomendasi: "Realisasi bulan Mei diperhitungkan."))
        let pdf = try RenderedPDF(ObjectionDecisionTemplate(data).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["KEBERATAN ATAS HASIL EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN II TAHUN 2025",
                         "PERIODE PENILAIAN: 1 APRIL SD 30 JUNI TAHUN 2025",
                         "Budi Santoso, S.Kom.", "Siti Rahmawati, S.E., M.Si.", "Drs. H. Ahmad Fauzi, M.M.",
                         "19850312 201001 1 003", "NIP. 19690401 199403 1 005",
                         "HASIL EVALUASI KINERJA", "PREDIKAT KINERJA PEGAWAI BUTUH PERBAIKAN",
                         "TANGGAL DOKUMEN EVALUASI DITERIMA 7 Juli 2025", "WXYZ-2345",
                         "bukti dukung terlambat diunggah", "Tanggal, 14 Juli 2025",
                         "PENJELASAN PEJABAT PENILAI ATAS KEBERATAN", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA",
                         "KEPUTUSAN MENGUBAH", "PREDIKAT KINERJA PEGAWAI BAIK", "REKOMENDASI Realisasi bulan Mei diperhitungkan.",
                         "Pelaihari, 21 Juli 2025", "Atasan Pejabat Penilai Kinerja",
                         "14 (empat belas) hari kerja", "7 (tujuh) hari kerja",
                         "Kode verifikasi: KLMN-6789", "/v1/verify/KLMN-6789", "Halaman 1 dari"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func upheldDecisionKeepsThePredikat() throws {
        let pdf = try RenderedPDF(ObjectionDecisionTemplate(try DocumentFixtures.objection(decision: .menguatkan)).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        #expect(text.contains("KEPUTUSAN MENGUATKAN"))
        #expect(!text.contains("MENGUBAH"))
        #expect(!text.contains("REKOMENDASI"))
        #expect(text.components(separatedBy: "PREDIKAT KINERJA PEGAWAI BUTUH PERBAIKAN").count == 3)
    }
}
