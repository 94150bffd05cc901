import Foundation
import Kinerja
import PDF
import Testing
import TestSupport
@testable import Worker

@Suite struct SKPTemplateTests {
    @Test func rendersAValidSKPWithLampiran() throws {
        let pdf = try RenderedPDF(SKPTemplate(try DocumentFixtures.skp()).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF",
                         "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL", "LAMPIRAN SASARAN KINERJA PEGAWAI",
                         "PEMERINTAH KABUPATEN TANAH LAUT", "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025",
                         "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "PANGKAT/GOL RUANG",
                         "Budi Santoso, S.Kom.", "Siti Rahmawati, S.E., M.Si.",
                         "19850312 201001 1 003", "NIP. 19780615 200312 2 002",
                         "HASIL KERJA", "A. UTAMA", "B. TAMBAHAN", "Kuantitas", "Kualitas", "Waktu", "12 laporan",
                         "PERILAKU KERJA", "Berorientasi Pelayanan", "Kolaboratif", "Ekspektasi Khusus Pimpinan:",
                         "DUKUNGAN SUMBER DAYA", "Laptop dan koneksi internet", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI",
                         "Pelaihari, 31 Januari 2025", "Pegawai yang Dinilai",
                         "Kode verifikasi: ABCD-EF23", "/v1/verify/ABCD-EF23", "Halaman 1 dari"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // The SKP must not read like an evaluation.
        #expect(!text.contains("REALISASI"))
    }

    @Test func fortyRHKRepeatTableHeadersAndNumberPages() throws {
        let template = SKPTemplate(try DocumentFixtures.skp(rhkCount: 40))
        let pdf = try RenderedPDF(template.render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let pages = try pdf.pages()
        #expect(pages.count >= 4)
        #expect(try pdf.pageCount() == pages.count)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Halaman \(index + 1) dari \(pages.count)"))
            #expect(page.contains("Kode verifikasi: ABCD-EF23"))
            #expect(page.contains("PEMERINTAH KABUPATEN TANAH LAUT"))
        }
        // Every page that carries RHK rows starts them under the repeated column header.
        let tablePages = pages.filter { $0.contains("Tersusunnya laporan") }
        #expect(tablePages.count >= 3)
        for page in tablePages {
            #expect(page.contains("(1)") && page.contains("(6)"), "no repeated header on: \(page.prefix(300))")
            #expect(page.contains("ASPEK"))
        }
        let text = try pdf.flatText()
        #expect(text.contains("nomor 40"))
        #expect(text.contains("B. TAMBAHAN"))
    }

    @Test func indonesianNamesAndLongTextsWrapInsideTheirCells() throws {
        var data = try DocumentFixtures.skp()
        data.pegawai.nama = "Raden Ajeng Théresia Nurhalizah Pratiwiningsih"
        let long = Array(repeating: "penyusunan rencana kebutuhan pengembangan kompetensi aparatur", count: 8)
            .joined(separator: " ") + " berakhir di sini"
        data.hasilKerjaUtama[0].rhk = long
        data.perilakuKerja[2].ekspektasiKhusus = "Mengikuti \u{201C}Bimtek SIASN\u{201D} \u{2014} minimal 20 JP"
        let pdf = try RenderedPDF(SKPTemplate(data).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        #expect(text.contains("Théresia"))
        #expect(text.contains("berakhir di sini"))
        #expect(text.contains("\u{201C}Bimtek SIASN\u{201D} \u{2014} minimal 20 JP"))
        // Wrapped: no single line of the page holds the whole long RHK.
        let lines = try pdf.pages().joined().split(separator: "\n")
        #expect(!lines.contains { $0.contains(long) })
        #expect(lines.filter { $0.contains("penyusunan rencana kebutuhan") }.count >= 4)
    }

    @Test(arguments: [
        (SKPVariant(approach: .kualitatif), ["PENDEKATAN HASIL KERJA KUALITATIF",
                                             "Ukuran keberhasilan/ Indikator Kinerja Individu, dan Target:"]),
        (SKPVariant(group: .pimpinanTinggi), ["BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
                                              "PERSPEKTIF", "Penerima Layanan"]),
    ])
    func otherFormsPrintTheirTitleAndColumns(variant: SKPVariant, expected: [String]) throws {
        var data = try DocumentFixtures.skp()
        data.variant = variant
        data.hasilKerjaUtama[0].indikator[0].perspektif = "Penerima Layanan"
        let pdf = try RenderedPDF(SKPTemplate(data).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        for phrase in expected {
            #expect(text.contains(phrase), "missing \(phrase)")
        }
    }

    @Test func renderingIsReproducible() throws {
        let data = try DocumentFixtures.skp()
        #expect(SKPTemplate(data).render() == SKPTemplate(data).render())
    }
}

@Suite struct SKPDomainContentTests {
    @Test func theDomainsSKPContentPrints() throws {
        let superior = UUID()
        let content = SKPContent(
            rhk: [RHK(id: UUID(), kind: .utama, text: "Terkelolanya data kepegawaian", serves: .superiorRHK(superior),
                      iki: [IKI(aspect: .kuantitas, indicator: "Jumlah data diperbarui", approach: .kuantitatif,
                                targetValue: 1200, unit: "data"),
                            IKI(aspect: .waktu, indicator: "Waktu pemutakhiran", approach: .kuantitatif, targetValue: 12,
                                unit: "bulan")]),
                  RHK(id: UUID(), kind: .tambahan, text: "Menjadi anggota tim SAKIP", serves: nil,
                      iki: [IKI(aspect: .kuantitas, indicator: "Rapat tim diikuti", approach: .kuantitatif,
                                targetText: "4", unit: "kali")])],
            perilaku: PerilakuKerjaEkspektasi.aspects(of: .berakhlak).map {
                PerilakuKerjaEkspektasi(aspect: $0, ekspektasiKhusus: $0 == "adaptif" ? "Menguasai aplikasi SIASN" : nil)
            },
            lampiran: SKPLampiran(resources: [.init(kind: .peralatan, text: "Laptop dan koneksi internet")],
                                  reportingSchedule: .bulanan, positiveConsequence: "Prioritas pelatihan",
                                  negativeConsequence: "Pembinaan oleh atasan"))
        let data = SKPDocumentData(issue: try DocumentFixtures.issue(), period: .year(2025), pegawai: DocumentFixtures.pegawai,
                                   pejabatPenilai: DocumentFixtures.pejabatPenilai, content: content,
                                   superiorRHK: [superior: "Meningkatnya kualitas data ASN"], signing: DocumentFixtures.signing)
        #expect(data.perilakuKerja.count == 7)
        #expect(data.hasilKerjaTambahan.count == 1)
        let pdf = try RenderedPDF(SKPTemplate(data).render())
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["Meningkatnya kualitas data ASN", "Terkelolanya data kepegawaian", "1200 data", "12 bulan", "4 kali",
                         "Menjadi anggota tim SAKIP", "Menguasai aplikasi SIASN", "Peralatan kerja: Laptop dan koneksi internet",
                         "Realisasi dilaporkan setiap bulan", "Bukti dukung: realisasi progres dan realisasi akhir",
                         "Positif: Prioritas pelatihan", "Negatif: Pembinaan oleh atasan"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }
}
