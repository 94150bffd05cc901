/// One table row.
public struct PDFTableRow: Sendable, Hashable {
    /// The cells; spans should add up to the column count (missing cells print empty, extra ones
    /// are dropped).
    public var cells: [PDFTableCell]
    /// A light grey ground, for section rows such as `A. UTAMA` or `DUKUNGAN SUMBER DAYA`.
    public var shaded: Bool
    /// The least height in points, e.g. a box of at least 30 mm for CATATAN/REKOMENDASI
    /// (documents.md §4b). Rounded up to whole text lines.
    public var minHeight: Double

    /// A row of cells.
    public init(_ cells: [PDFTableCell], shaded: Bool = false, minHeight: Double = 0) {
        self.cells = cells
        self.shaded = shaded
        self.minHeight = minHeight
    }

    /// A row of one bold cell across all `columnCount` columns, e.g. `A. UTAMA`.
    public static func section(_ text: String, columnCount: Int, shaded: Bool = true) -> PDFTableRow {
        PDFTableRow([PDFTableCell(text, bold: true, span: columnCount)], shaded: shaded)
    }
}
