import PDF

/// The SKP and its Lampiran as one landscape PDF (documents.md §1–§3; PermenPANRB 6/2022
/// Lampiran). Signed by the employee and established by the evaluator (Perbup Tanah Laut 2024
/// Pasal 13 ayat (3)), so both sign.
public struct SKPTemplate: Sendable {
    /// What the document prints.
    public var data: SKPDocumentData

    /// A template for `data`.
    public init(_ data: SKPDocumentData) { self.data = data }

    /// The laid-out document, before rendering.
    public func document() -> PDFDocument {
        var document = DocumentLayout.document(title: "SASARAN KINERJA PEGAWAI", issue: data.issue, subject: data.pegawai,
                                               pageSize: .a4Landscape)
        // §1: the SKP.
        for block in DocumentLayout.titleBlocks(["SASARAN KINERJA PEGAWAI"] + data.variant.subtitleLines,
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        document.add(.table(DocumentLayout.identityTable(pegawai: data.pegawai, pejabatPenilai: data.pejabatPenilai)))
        document.add(.table(HasilKerjaTable(variant: data.variant, evaluated: false)
            .table(utama: data.hasilKerjaUtama, tambahan: data.hasilKerjaTambahan)))
        document.add(.table(PerilakuKerjaTable(evaluated: false).table(data.perilakuKerja)))
        document.add(.signatures(signatures))

        // §3: the Lampiran on its own page.
        document.add(.pageBreak)
        for block in DocumentLayout.titleBlocks(["LAMPIRAN SASARAN KINERJA PEGAWAI"] + data.variant.subtitleLines,
                                                instansi: data.issue.instansi, period: data.period) {
            document.add(block)
        }
        document.add(.table(lampiranTable))
        document.add(.signatures(signatures))
        return document
    }

    /// The PDF file.
    public func render() -> [UInt8] { document().render() }

    /// Employee left, evaluator right; the place and date above the right column only (§0).
    private var signatures: [PDFSignature] {
        [PDFSignature(role: "Pegawai yang Dinilai", name: data.pegawai.nama, nip: data.pegawai.nip?.formatted),
         PDFSignature(place: data.signing.place, date: data.signing.dateText, role: "Pejabat Penilai Kinerja",
                      name: data.pejabatPenilai.nama, nip: data.pejabatPenilai.nip?.formatted)]
    }

    /// Resources, accountability scheme and consequences under shaded full-width headers (§3).
    private var lampiranTable: PDFTable {
        let lampiran = data.lampiran
        var rows: [PDFTableRow] = []
        for (title, items) in [("DUKUNGAN SUMBER DAYA", lampiran.dukunganSumberDaya),
                               ("SKEMA PERTANGGUNGJAWABAN", lampiran.skemaPertanggungjawaban),
                               ("KONSEKUENSI", lampiran.konsekuensi)] {
            rows.append(.section(title, columnCount: 2))
            rows += DocumentLayout.numberedRows(items, columnCount: 2)
        }
        return PDFTable(columns: [.fixed(DocumentLayout.numberWidth), .flexible(1)], header: [], rows: rows,
                        fontSize: DocumentLayout.tableSize + 0.5)
    }
}
