import Kinerja
import PDF

/// A periodic or annual evaluation as one PDF: the Dokumen Evaluasi Kinerja Pegawai
/// (documents.md §4b: the cover for reporting and TPP, signed and dated by both) followed by the
/// Evaluasi Kinerja Pegawai (§4: the rated SKP, signed by the evaluator). PermenPANRB 6/2022
/// Lampiran; Perbup Tanah Laut 2024 Pasal 27 ayat (2).
///
/// Both parts print landscape: `PDFDocument` has one page size, and the §4 tables need the width.
/// One file keeps one verification code for the whole evaluation.
public struct EvaluationTemplate: Sendable {
    /// What the document prints.
    public var data: EvaluationDocumentData

    /// A template for `data`.
    public init(_ data: EvaluationDocumentData) { self.data = data }

    /// The laid-out document, before rendering.
    public func document() -> PDFDocument {
        var document = DocumentLayout.document(title: "EVALUASI KINERJA PEGAWAI", issue: data.issue, subject: data.pegawai,
                                               pageSize: .a4Landscape)
        addDokumen(to: &document)
        document.add(.pageBreak)
        addEvaluasi(to: &document)
        return document
    }

    /// The PDF file.
    public func render() -> [UInt8] { document().render() }

    /// §4b: identities of the three parties, the result, notes, two dated signatures.
    private func addDokumen(to document: inout PDFDocument) {
        // The Garuda emblem (field (1) in S2) is left out: the PDF writer has no images.
        for block in DocumentLayout.titleBlocks(["DOKUMEN EVALUASI KINERJA PEGAWAI", data.period.captionLine],
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        // The UNIT KERJA label of the first party names the row for all three.
        document.add(.table(DocumentLayout.partiesTable([("PEGAWAI YANG DINILAI", data.pegawai),
                                                         ("PEJABAT PENILAI KINERJA", data.pejabatPenilai),
                                                         ("ATASAN PEJABAT PENILAI KINERJA", data.atasanPejabatPenilai)])))
        var rows: [PDFTableRow] = []
        rows.append(PDFTableRow([PDFTableCell("4", bold: true, alignment: .center),
                                 PDFTableCell("EVALUASI KINERJA", bold: true, span: 2)], shaded: true))
        rows.append(PDFTableRow(["", "CAPAIAN KINERJA ORGANISASI",
                                 PDFTableCell(data.capaianKinerjaOrganisasi.label.uppercased(), bold: true)]))
        rows.append(PDFTableRow(["", "PREDIKAT KINERJA PEGAWAI", PDFTableCell(data.predikat.label.uppercased(), bold: true)]))
        rows.append(PDFTableRow([PDFTableCell("5", bold: true, alignment: .center),
                                 PDFTableCell("CATATAN/REKOMENDASI", bold: true, span: 2)], shaded: true))
        // A box of at least 30 mm (documents.md §4b).
        rows.append(PDFTableRow(["", PDFTableCell(data.catatanRekomendasi.isEmpty ? "-" : data.catatanRekomendasi, span: 2)],
                                minHeight: 85))
        document.add(.table(PDFTable(columns: DocumentLayout.stackedColumns, header: [], rows: rows,
                                     fontSize: DocumentLayout.tableSize + 0.5)))
        // Both signers date their signature [V S2].
        let place = data.signing.place, date = data.signing.dateText
        document.add(.signatures([
            PDFSignature(place: place, date: date, role: "Pegawai yang Dinilai,", name: data.pegawai.nama,
                         nip: data.pegawai.nip?.formatted),
            PDFSignature(place: place, date: date, role: "Pejabat Penilai Kinerja,", name: data.pejabatPenilai.nama,
                         nip: data.pejabatPenilai.nip?.formatted),
        ]))
    }

    /// §4: identities, organisation's achievement and curve, rated results and behaviour, the
    /// predikat with its basis, the evaluator's signature.
    private func addEvaluasi(to document: inout PDFDocument) {
        for block in DocumentLayout.titleBlocks(["EVALUASI KINERJA PEGAWAI"] + data.variant.subtitleLines
                                                    + [data.period.captionLine],
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        document.add(.table(DocumentLayout.identityTable(pegawai: data.pegawai, pejabatPenilai: data.pejabatPenilai)))
        document.add(.table(DocumentLayout.valueTable([("CAPAIAN KINERJA ORGANISASI",
                                                        data.capaianKinerjaOrganisasi.label.uppercased())])))
        document.add(.text("POLA DISTRIBUSI", font: .helveticaBold, size: 9))
        let width = document.pageSize.width - document.margins.left - document.margins.right
        document.add(.drawing(DistributionCurve(capaian: data.capaianKinerjaOrganisasi, width: width).drawing))
        document.add(.table(HasilKerjaTable(variant: data.variant, evaluated: true)
            .table(utama: data.hasilKerjaUtama, tambahan: data.hasilKerjaTambahan)))
        document.add(.table(DocumentLayout.valueTable([("RATING HASIL KERJA", DocumentLayout.upper(data.ratingHasilKerja))])))
        document.add(.table(PerilakuKerjaTable(evaluated: true).table(data.perilakuKerja)))
        document.add(.table(DocumentLayout.valueTable([
            ("RATING PERILAKU KERJA", DocumentLayout.upper(data.ratingPerilakuKerja)),
            ("PREDIKAT KINERJA PEGAWAI", data.predikat.label.uppercased()),
        ])))
        document.add(.table(PDFTable(columns: [.fixed(240), .flexible(1)], header: [], rows: [
            PDFTableRow([PDFTableCell("DASAR PENETAPAN PREDIKAT", bold: true),
                         PDFTableCell(DocumentLayout.basisText(data.predikatBasis))]),
        ], fontSize: DocumentLayout.tableSize)))
        // Default: the evaluator signs alone (documents.md §4, [V C4, C6]).
        document.add(.signatures([
            PDFSignature(place: data.signing.place, date: data.signing.dateText, role: "Pejabat Penilai Kinerja",
                         name: data.pejabatPenilai.nama, nip: data.pejabatPenilai.nip?.formatted),
        ]))
    }
}
