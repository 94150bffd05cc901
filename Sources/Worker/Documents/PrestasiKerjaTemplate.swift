import Foundation
import Kinerja
import PDF

/// The weighted model's evaluation as one PDF, portrait: the Penilaian Prestasi Kerja (documents.md
/// §7 C: the three parties, the elements judged with nilai SKP × 60% and the behaviour mean × 40%,
/// the nilai prestasi kerja with its sebutan, the keberatan rows, the recommendation, three
/// signatures) followed by the activities with target, realisation and nilai capaian (§7 B, in
/// portrait: `PDFDocument` has one page size) and the computation step by step. PP 46/2011; PerKa BKN 1/2013; Perbup Pasuruan
/// 117/2019 Pasal 11–13.
public struct PrestasiKerjaTemplate: Sendable {
    /// What the document prints.
    public var data: PrestasiKerjaData

    /// A template for `data`.
    public init(_ data: PrestasiKerjaData) { self.data = data }

    /// The laid-out document, before rendering.
    public func document() -> PDFDocument {
        var document = DocumentLayout.document(title: "PENILAIAN PRESTASI KERJA", issue: data.issue, subject: data.pegawai,
                                               pageSize: .a4Portrait)
        for block in DocumentLayout.titleBlocks(["PENILAIAN PRESTASI KERJA", "PEGAWAI NEGERI SIPIL", data.period.captionLine],
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        document.add(.table(DocumentLayout.partiesTable([("YANG DINILAI", data.pegawai), ("PEJABAT PENILAI", data.pejabatPenilai),
                                                         ("ATASAN PEJABAT PENILAI", data.atasanPejabatPenilai)])))
        document.add(.table(unsur()))
        let place = data.signing.place, date = data.signing.dateText
        document.add(.signatures([
            PDFSignature(place: place, date: date, role: "Pejabat Penilai,", name: data.pejabatPenilai.nama,
                         nip: data.pejabatPenilai.nip?.formatted),
            PDFSignature(role: "Pegawai Negeri Sipil yang Dinilai,", name: data.pegawai.nama, nip: data.pegawai.nip?.formatted),
            PDFSignature(role: "Atasan Pejabat Penilai,", name: data.atasanPejabatPenilai.nama,
                         nip: data.atasanPejabatPenilai.nip?.formatted),
        ]))
        document.add(.pageBreak)
        for block in DocumentLayout.titleBlocks(["PENILAIAN CAPAIAN SASARAN KERJA", "PEGAWAI NEGERI SIPIL"],
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        document.add(.table(kegiatan()))
        // The computation step by step, after the form so the signatures stay on its first page.
        document.add(.table(PDFTable(columns: [.fixed(160), .flexible(1)], header: [], rows: [
            PDFTableRow([PDFTableCell("DASAR PENGHITUNGAN", bold: true), PDFTableCell(DocumentLayout.basisText(data.basis))]),
        ], fontSize: DocumentLayout.tableSize - 1)))
        return document
    }

    /// The PDF file.
    public func render() -> [UInt8] { document().render() }

    /// 4–8: the elements judged, the result, the keberatan rows (recorded by the keberatan's own
    /// document), the recommendation.
    private func unsur() -> PDFTable {
        let result = data.result
        var rows: [PDFTableRow] = [
            PDFTableRow([PDFTableCell("4", bold: true, alignment: .center), PDFTableCell("UNSUR YANG DINILAI", bold: true, span: 2),
                         PDFTableCell("JUMLAH", bold: true, alignment: .center)], shaded: true),
            PDFTableRow(["", "a. Sasaran Kerja Pegawai (SKP)",
                         "\(Self.number(result.nilaiSKP)) x \(Self.number(data.bobotSKP))%",
                         PDFTableCell(Self.number(result.nilaiSKP * data.bobotSKP / 100), alignment: .right)]),
            PDFTableRow(["", PDFTableCell("b. Perilaku Kerja", span: 3)]),
        ]
        for (index, element) in data.perilaku.enumerated() {
            rows.append(PDFTableRow(["", "    \(index + 1). \(element.name)",
                                     "\(Self.number(element.nilai)) (\(element.sebutan.label))", ""]))
        }
        rows.append(PDFTableRow(["", "    Nilai rata-rata",
                                 "\(Self.number(result.nilaiPerilaku)) (\(result.kategoriPerilaku.label)) x \(Self.number(data.bobotPerilaku))%",
                                 PDFTableCell(Self.number(result.nilaiPerilaku * data.bobotPerilaku / 100), alignment: .right)]))
        rows.append(PDFTableRow(["", PDFTableCell("NILAI PRESTASI KERJA", bold: true, span: 2),
                                 PDFTableCell("\(Self.number(result.nilaiPrestasiKerja)) (\(result.kategori.label.uppercased()))",
                                              bold: true, alignment: .right)]))
        for (number, title) in [(5, "KEBERATAN DARI PEGAWAI NEGERI SIPIL YANG DINILAI (APABILA ADA)"),
                                (6, "TANGGAPAN PEJABAT PENILAI ATAS KEBERATAN"),
                                (7, "KEPUTUSAN ATASAN PEJABAT PENILAI ATAS KEBERATAN")] {
            rows.append(PDFTableRow([PDFTableCell("\(number)", bold: true, alignment: .center), PDFTableCell(title, bold: true, span: 3)],
                                    shaded: true))
            rows.append(PDFTableRow(["", PDFTableCell("-", span: 3)]))
        }
        rows.append(PDFTableRow([PDFTableCell("8", bold: true, alignment: .center), PDFTableCell("REKOMENDASI", bold: true, span: 3)],
                                shaded: true))
        rows.append(PDFTableRow(["", PDFTableCell(data.rekomendasi.isEmpty ? "-" : data.rekomendasi, span: 3)], minHeight: 40))
        return PDFTable(columns: [.fixed(DocumentLayout.numberWidth), .flexible(3), .flexible(2), .fixed(70)], header: [],
                        rows: rows, fontSize: DocumentLayout.tableSize + 0.5)
    }

    /// §7 B: each activity's target and realisation per aspect and its nilai capaian.
    private func kegiatan() -> PDFTable {
        let titles = ["NO", "KEGIATAN TUGAS JABATAN", "TARGET (KUANT/KUAL/WAKTU/BIAYA)", "REALISASI (KUANT/KUAL/WAKTU/BIAYA)",
                      "PENGHITUNGAN", "NILAI CAPAIAN SKP"]
        let header = [PDFTableRow(titles.map { PDFTableCell($0, bold: true, alignment: .center) })]
        var rows = data.activities.enumerated().map { index, entry in
            let (activity, score) = entry
            let aspects = [activity.quantity, activity.quality, activity.time] + (activity.cost.map { [$0] } ?? [])
            let sum = score.kuantitas + score.kualitas + score.waktu + (score.biaya ?? 0)
            return PDFTableRow([PDFTableCell("\(index + 1)", alignment: .center), PDFTableCell(activity.name),
                                PDFTableCell(aspects.map { Self.number($0.target) }.joined(separator: " / ")),
                                PDFTableCell(aspects.map { Self.number($0.realisation) }.joined(separator: " / ")),
                                PDFTableCell(Self.number(sum), alignment: .right),
                                PDFTableCell(Self.number(score.nilaiCapaian), alignment: .right)])
        }
        rows.append(PDFTableRow([PDFTableCell("Nilai Capaian SKP", bold: true, span: 5, alignment: .right),
                                 PDFTableCell("\(Self.number(data.result.nilaiSKP))", bold: true, alignment: .right)]))
        return PDFTable(columns: [.fixed(DocumentLayout.numberWidth), .flexible(3), .flexible(2), .flexible(2), .fixed(62), .fixed(62)],
                        header: header, rows: rows, fontSize: DocumentLayout.tableSize)
    }

    /// `83,5`: a decimal with the Indonesian decimal comma.
    static func number(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }
}
