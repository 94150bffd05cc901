import Foundation
import Testing
import TestSupport
@testable import PDF

/// A realistic Evaluasi Kinerja Pegawai (documents.md §4) end to end. Set
/// `KINERJA_PDF_SAMPLE_DIR` to keep the rendered file for a look by eye.
@Suite struct PDFSampleDocumentTests {
    static func evaluasi() -> PDFDocument {
        var doc = PDFDocument(title: "Evaluasi Kinerja Pegawai — Triwulan I 2025", creationDate: fixedDate)
        doc.pageSize = .a4Landscape
        doc.header = "PEMERINTAH KABUPATEN TANAH LAUT"
        doc.footer = "Kode verifikasi: ABCD-1234 — periksa di /v1/verify/ABCD-1234"
        doc.add(.heading("EVALUASI KINERJA PEGAWAI\nPENDEKATAN HASIL KERJA KUANTITATIF\n"
            + "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL\nPERIODE: TRIWULAN I"))
        doc.add(.splitLine(left: "PEMERINTAH KABUPATEN TANAH LAUT",
                           right: "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2025"))
        let identity: [PDFTableRow] = [
            PDFTableRow(["NO", PDFTableCell("PEGAWAI YANG DINILAI", bold: true, span: 2),
                         "NO", PDFTableCell("PEJABAT PENILAI KINERJA", bold: true, span: 2)], shaded: true),
            PDFTableRow(["1", "NAMA", "Budi Santoso, S.Kom.", "1", "NAMA", "Dra. Siti Aminah, M.Si."]),
            PDFTableRow(["2", "NIP", "19850312 201001 1 003", "2", "NIP", "19700101 199503 2 001"]),
            PDFTableRow(["3", "PANGKAT/GOL RUANG", "Penata Muda Tk. I (III/b)", "3", "PANGKAT/GOL RUANG", "Pembina (IV/a)"]),
            PDFTableRow(["4", "JABATAN", "Pranata Komputer Ahli Pertama", "4", "JABATAN", "Kepala Bidang Pengembangan"]),
            PDFTableRow(["5", "UNIT KERJA", "BKPSDM", "5", "UNIT KERJA", "BKPSDM"]),
        ]
        doc.add(.table(PDFTable(columns: [.fixed(24), .fixed(110), .flexible(1), .fixed(24), .fixed(110), .flexible(1)],
                                rows: identity)))
        let columns: [PDFTable.Column] = [.fixed(26), .flexible(2), .flexible(2), .fixed(55), .flexible(2), .fixed(60),
                                          .flexible(2), .flexible(2)]
        let titles = ["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
                      "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI BERDASARKAN BUKTI DUKUNG",
                      "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"]
        var rows: [PDFTableRow] = [.section("A. UTAMA", columnCount: 8)]
        for n in 1...6 {
            for aspect in ["Kuantitas", "Kualitas", "Waktu"] {
                let first = aspect == "Kuantitas"
                rows.append(PDFTableRow([
                    PDFTableCell(first ? "\(n)" : ""),
                    PDFTableCell(first ? "Meningkatnya kualitas pelayanan kepegawaian (\(n))" : ""),
                    PDFTableCell(first ? "Terlaksananya “pemutakhiran” data ASN – tahap \(n)" : ""),
                    PDFTableCell(aspect), "Jumlah dokumen yang diselesaikan sesuai ketentuan",
                    "12 laporan", "3 laporan", "Pertahankan; lengkapi bukti dukung",
                ]))
            }
        }
        rows.append(.section("B. TAMBAHAN", columnCount: 8))
        rows.append(PDFTableRow([PDFTableCell("-", span: 8, alignment: .center)]))
        doc.add(.table(PDFTable(columns: columns,
                                header: [PDFTableRow(titles.map { PDFTableCell($0, alignment: .center) }),
                                         PDFTableRow((1...8).map { PDFTableCell("(\($0))", alignment: .center) })],
                                rows: rows, fontSize: 8)))
        doc.add(.table(PDFTable(columns: [.flexible(3), .flexible(1)], rows: [
            PDFTableRow([PDFTableCell("RATING HASIL KERJA*", bold: true), "SESUAI EKSPEKTASI"]),
            PDFTableRow([PDFTableCell("PREDIKAT KINERJA PEGAWAI*", bold: true), "BAIK"]),
        ])))
        doc.add(.signatures([PDFSignature(place: "Pelaihari", date: "31 Maret 2025", role: "Pejabat Penilai Kinerja",
                                          name: "Dra. Siti Aminah, M.Si.", nip: "19700101 199503 2 001")]))
        return doc
    }

    @Test func evaluasiKinerjaPegawai() throws {
        let doc = Self.evaluasi()
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }
        if let directory = ProcessInfo.processInfo.environment["KINERJA_PDF_SAMPLE_DIR"] {
            try Data(doc.render()).write(to: URL(fileURLWithPath: directory).appendingPathComponent("evaluasi.pdf"))
        }

        try pdf.expectValid()
        let pageCount = try pdf.pageCount()
        #expect(pageCount == doc.pageCount)
        #expect(pageCount >= 2)
        let text = try pdf.flatText()
        for expected in ["EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN I", "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2025",
                         "Budi Santoso, S.Kom.", "19850312 201001 1 003", "A. UTAMA", "B. TAMBAHAN",
                         "“pemutakhiran”", "data ASN – tahap 6", "PREDIKAT KINERJA PEGAWAI*", "Pelaihari, 31 Maret 2025",
                         "NIP. 19700101 199503 2 001", "Halaman 1 dari \(pageCount)", "Halaman \(pageCount) dari \(pageCount)"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }
}
