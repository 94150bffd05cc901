import Kinerja
import PDF

/// The keberatan with the evaluator's explanation and the superior's decision, portrait, signed
/// by all three (documents.md §6: the rows of the PermenPANRB 8/2021 Dokumen; PP 30/2019 Pasal 59;
/// Perbup Tanah Laut 2024 Pasal 35).
public struct ObjectionDecisionTemplate: Sendable {
    /// What the document prints.
    public var data: ObjectionDecisionData

    /// A template for `data`.
    public init(_ data: ObjectionDecisionData) { self.data = data }

    /// The laid-out document, before rendering.
    public func document() -> PDFDocument {
        let title = "KEBERATAN ATAS HASIL EVALUASI KINERJA PEGAWAI"
        var document = DocumentLayout.document(title: title, issue: data.issue, subject: data.pegawai, pageSize: .a4Portrait)
        for block in DocumentLayout.titleBlocks([title, "\(data.period.captionLine) TAHUN \(data.period.end.year)"],
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        // Side by side rather than stacked, so the decision and all three signatures fit one page.
        document.add(.table(DocumentLayout.partiesTable([("PEGAWAI YANG DINILAI", data.pegawai),
                                                         ("PEJABAT PENILAI KINERJA", data.pejabatPenilai),
                                                         ("ATASAN PEJABAT PENILAI KINERJA", data.atasanPejabatPenilai)])))
        var rows: [PDFTableRow] = []
        rows.append(section(4, "HASIL EVALUASI KINERJA"))
        rows.append(PDFTableRow(["", "CAPAIAN KINERJA ORGANISASI", PDFTableCell(data.capaianKinerjaOrganisasi.label.uppercased(),
                                                                                 bold: true)]))
        rows.append(PDFTableRow(["", "PREDIKAT KINERJA PEGAWAI", PDFTableCell(data.predikatSemula.label.uppercased(), bold: true)]))
        rows.append(PDFTableRow(["", "TANGGAL DOKUMEN EVALUASI DITERIMA",
                                 PDFTableCell(IndonesianDate.long(data.evaluationReceivedOn))]))
        if let reference = data.evaluationReference {
            rows.append(PDFTableRow(["", "KODE VERIFIKASI DOKUMEN EVALUASI", PDFTableCell(reference)]))
        }
        rows.append(section(5, "KEBERATAN"))
        rows.append(text(data.keberatan, dated: data.filedOn))
        rows.append(section(6, "PENJELASAN PEJABAT PENILAI ATAS KEBERATAN"))
        rows.append(text(data.penjelasanPejabatPenilai ?? "-", dated: data.explainedOn))
        rows.append(section(7, "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA"))
        rows.append(PDFTableRow(["", "KEPUTUSAN", PDFTableCell(data.decision.label, bold: true)]))
        rows.append(PDFTableRow(["", "PREDIKAT KINERJA PEGAWAI", PDFTableCell(data.predikatAkhir.label.uppercased(), bold: true)]))
        if case .mengubah(_, let rekomendasi) = data.decision {
            rows.append(PDFTableRow(["", "REKOMENDASI", PDFTableCell(rekomendasi)]))
        }
        rows.append(PDFTableRow(["", "TANGGAL", PDFTableCell(IndonesianDate.long(data.decidedOn))]))
        document.add(.table(PDFTable(columns: DocumentLayout.stackedColumns, header: [], rows: rows,
                                     fontSize: DocumentLayout.tableSize + 0.5)))
        let date = IndonesianDate.long(data.decidedOn)
        document.add(.signatures([
            PDFSignature(role: "Pegawai yang Dinilai", name: data.pegawai.nama, nip: data.pegawai.nip?.formatted),
            PDFSignature(role: "Pejabat Penilai Kinerja", name: data.pejabatPenilai.nama, nip: data.pejabatPenilai.nip?.formatted),
            PDFSignature(place: data.place, date: date, role: "Atasan Pejabat Penilai Kinerja",
                         name: data.atasanPejabatPenilai.nama, nip: data.atasanPejabatPenilai.nip?.formatted),
        ]))
        if let note = data.deadlineNote {
            document.add(.text(note, font: .helveticaOblique, size: 8))
        }
        return document
    }

    /// The PDF file.
    public func render() -> [UInt8] { document().render() }

    private func section(_ number: Int, _ title: String) -> PDFTableRow {
        PDFTableRow([PDFTableCell("\(number)", bold: true, alignment: .center), PDFTableCell(title, bold: true, span: 2)],
                    shaded: true)
    }

    /// Free text across the row, with `Tanggal, …` under it.
    private func text(_ body: String, dated date: CivilDate?) -> PDFTableRow {
        let dated = date.map { "\n\nTanggal, \(IndonesianDate.long($0))" } ?? ""
        return PDFTableRow(["", PDFTableCell(body + dated, span: 2)], minHeight: 40)
    }
}
