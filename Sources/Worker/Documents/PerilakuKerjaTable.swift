import PDF

/// The `PERILAKU KERJA` table (documents.md §1): per core value its three guides and the leader's
/// special expectation; the evaluation (§4) adds the feedback column.
struct PerilakuKerjaTable {
    /// Whether the feedback column is printed.
    let evaluated: Bool

    /// The table.
    func table(_ items: [PerilakuKerjaItem]) -> PDFTable {
        var columns: [PDFTable.Column] = [.fixed(DocumentLayout.numberWidth), .flexible(4), .flexible(3)]
        var header = [PDFTableRow.section("PERILAKU KERJA", columnCount: evaluated ? 4 : 3)]
        if evaluated {
            columns.append(.flexible(3))
            header.append(PDFTableRow([
                PDFTableCell("NO", bold: true, alignment: .center), PDFTableCell("PERILAKU KERJA", bold: true, alignment: .center),
                PDFTableCell("EKSPEKTASI KHUSUS PIMPINAN", bold: true, alignment: .center),
                PDFTableCell("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", bold: true, alignment: .center),
            ]))
        }
        let rows = items.enumerated().map { index, item in
            let behaviour = ([item.aspek.label] + item.aspek.guides.map { "- " + $0 }).joined(separator: "\n")
            // The SKP labels the cell itself (documents.md §1); the evaluation has a column title.
            let expectation = evaluated ? (item.ekspektasiKhusus.isEmpty ? "-" : item.ekspektasiKhusus)
                : "Ekspektasi Khusus Pimpinan:\n" + item.ekspektasiKhusus
            var cells = [PDFTableCell("\(index + 1)", alignment: .center), PDFTableCell(behaviour), PDFTableCell(expectation)]
            if evaluated { cells.append(PDFTableCell(item.umpanBalik ?? "-")) }
            return PDFTableRow(cells)
        }
        return PDFTable(columns: columns, header: header, rows: rows, fontSize: DocumentLayout.tableSize)
    }
}
