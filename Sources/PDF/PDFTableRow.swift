/// One table row.
public struct PDFTableRow: Sendable, Hashable {
    /// The cells; spans should add up to the column count (missing cells print empty, extra ones
    /// are dropped).
    public var cells: [PDFTableCell]
    /// A light grey ground, for section rows such as `A. UTAMA` or `DUKUNGAN SUMBER DAYA`.
    public var shaded: Bool

    /// A row of cells.
    public init(_ cells: [PDFTableCell], shaded: Bool = false) {
        self.cells = cells
        self.shaded = shaded
    }

    /// A row of one bold cell across all `columnCount` columns, e.g. `A. UTAMA`.
    public static func section(_ text: String, columnCount: Int, shaded: Bool = true) -> PDFTableRow {
        PDFTableRow([PDFTableCell(text, bold: true, span: columnCount)], shaded: shaded)
    }
}
