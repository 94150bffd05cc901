import Kinerja
import PDF

/// The parts every template shares (documents.md §0): page set-up, the title, the instansi and
/// period line, the identity tables, value rows and numbered lists.
enum DocumentLayout {
    /// Font size inside tables (documents.md §0: Helvetica 8–9 pt in tables).
    static let tableSize = 8.5
    /// Width of a `NO` column.
    static let numberWidth = 24.0
    /// Width of an identity label column, wide enough for `PANGKAT/GOL RUANG` on one line.
    static let labelWidth = 112.0

    /// A document with the running header (the instansi and what the document is), the footer
    /// with the verification code, and page numbers.
    static func document(title: String, issue: DocumentIssue, subject: PegawaiIdentity,
                         pageSize: PDFPageSize) -> PDFDocument {
        var document = PDFDocument(title: "\(title) \u{2014} \(subject.nama)", creationDate: issue.issuedAt)
        document.pageSize = pageSize
        document.header = "\(issue.instansi) \u{2014} \(title) \u{2014} \(subject.nama), NIP \(subject.nipText)"
        document.footer = issue.footer
        document.showsPageNumbers = true
        return document
    }

    /// The centred bold title lines, then the instansi on the left and `PERIODE PENILAIAN: …` on
    /// the right.
    static func titleBlocks(_ lines: [String], instansi: String, period: DocumentPeriod) -> [PDFBlock] {
        [.heading(lines.joined(separator: "\n")), .splitLine(left: instansi, right: period.penilaianLine)]
    }

    /// The side-by-side identity table: `PEGAWAI YANG DINILAI` left, `PEJABAT PENILAI KINERJA`
    /// right (documents.md §0, [V S1, S3, C1]).
    static func identityTable(pegawai: PegawaiIdentity, pejabatPenilai: PegawaiIdentity) -> PDFTable {
        let header = PDFTableRow([
            PDFTableCell("NO", bold: true, alignment: .center), PDFTableCell("PEGAWAI YANG DINILAI", bold: true, span: 2),
            PDFTableCell("NO", bold: true, alignment: .center), PDFTableCell("PEJABAT PENILAI KINERJA", bold: true, span: 2),
        ])
        let left = pegawai.rows, right = pejabatPenilai.rows
        let rows = left.indices.map { index in
            PDFTableRow([
                PDFTableCell("\(index + 1)", alignment: .center), PDFTableCell(left[index].0), PDFTableCell(left[index].1),
                PDFTableCell("\(index + 1)", alignment: .center), PDFTableCell(right[index].0), PDFTableCell(right[index].1),
            ])
        }
        return PDFTable(columns: [.fixed(numberWidth), .fixed(labelWidth), .flexible(1), .fixed(numberWidth), .fixed(labelWidth), .flexible(1)],
                        header: [header], rows: rows, fontSize: tableSize)
    }

    /// The three parties side by side under numbered headings (documents.md §4b and §6 stack
    /// them; side by side, the Dokumen Evaluasi fits one landscape page and the keberatan with its
    /// three signatures one portrait page).
    static func partiesTable(_ parties: [(String, PegawaiIdentity)]) -> PDFTable {
        let header = PDFTableRow([PDFTableCell("", bold: true)] + parties.enumerated().map { index, party in
            PDFTableCell("\(index + 1)  \(party.0)", bold: true)
        })
        let labels = parties.first?.1.rows.map(\.0) ?? []
        let rows = labels.indices.map { row in
            PDFTableRow([PDFTableCell(labels[row])] + parties.map { PDFTableCell($0.1.rows[row].1) })
        }
        return PDFTable(columns: [.fixed(labelWidth)] + parties.map { _ in .flexible(1) }, header: [header], rows: rows,
                        fontSize: tableSize)
    }

    /// The columns of a stacked table: number, label, value.
    static let stackedColumns: [PDFTable.Column] = [.fixed(numberWidth), .fixed(190), .flexible(1)]

    /// A two-column row `LABEL | VALUE`, e.g. `PREDIKAT KINERJA PEGAWAI | BAIK`.
    static func valueTable(_ pairs: [(String, String)]) -> PDFTable {
        PDFTable(columns: [.fixed(240), .flexible(1)], header: [],
                 rows: pairs.map { PDFTableRow([PDFTableCell($0.0, bold: true), PDFTableCell($0.1, bold: true)]) },
                 fontSize: tableSize + 0.5)
    }

    /// `1. …` lines, or `-` when there are none (documents.md §3: an empty section prints `-`).
    static func numberedRows(_ items: [String], columnCount: Int) -> [PDFTableRow] {
        guard !items.isEmpty else {
            return [PDFTableRow([PDFTableCell("-", alignment: .center), PDFTableCell("-", span: columnCount - 1)])]
        }
        return items.enumerated().map { index, item in
            PDFTableRow([PDFTableCell("\(index + 1).", alignment: .center), PDFTableCell(item, span: columnCount - 1)])
        }
    }

    /// A predikat's basis as printed: one numbered line per step, with its legal source.
    static func basisText(_ explanation: Explanation) -> String {
        guard !explanation.steps.isEmpty else { return "-" }
        return explanation.steps.enumerated().map { index, step in
            let source = step.basis.map { " (\($0))" } ?? ""
            return "\(index + 1). \(step.text)\(source)"
        }.joined(separator: "\n")
    }

    /// A value for a rating row: the chosen option only, in capitals (documents.md §0 "Values").
    static func upper(_ rating: Rating) -> String { rating.label.uppercased() }
}
