/// A table with bordered cells, laid out to the content width.
///
/// Header rows print in bold on a light grey ground and are repeated at the top of every page
/// the table continues on. A row's height is that of its tallest cell. A row that does not fit
/// in the space left on a page moves to the next page; a single row taller than a whole page is
/// split between lines of text and continues on the next page (nothing is clipped).
public struct PDFTable: Sendable {
    /// How wide a column is.
    public enum Column: Sendable, Hashable {
        /// A width in points.
        case fixed(Double)
        /// A share of the width the fixed columns leave, in proportion to the weight.
        case flexible(Double)
    }

    /// Column widths, left to right.
    public var columns: [Column]
    /// Header rows, repeated on every page.
    public var header: [PDFTableRow]
    /// Body rows.
    public var rows: [PDFTableRow]
    /// Font size of every cell.
    public var fontSize: Double
    /// Whether cells get borders.
    public var borders: Bool

    /// A table with rows of cells.
    public init(columns: [Column], header: [PDFTableRow] = [], rows: [PDFTableRow],
                fontSize: Double = 9, borders: Bool = true) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.fontSize = fontSize
        self.borders = borders
    }

    /// A table of plain text: one bold header row and body rows of strings.
    public init(columns: [Column], header: [String], rows: [[String]], fontSize: Double = 9) {
        self.init(columns: columns,
                  header: header.isEmpty ? [] : [PDFTableRow(header.map { PDFTableCell($0, bold: true) })],
                  rows: rows.map { PDFTableRow($0.map { PDFTableCell($0) }) },
                  fontSize: fontSize)
    }

    /// Column widths in points for a table `width` wide. Flexible columns share what the fixed
    /// ones leave; if the fixed columns alone are too wide, everything is scaled down to fit.
    public func columnWidths(for width: Double) -> [Double] {
        let fixed = columns.reduce(0.0) { if case .fixed(let w) = $1 { $0 + max(0, w) } else { $0 } }
        let weights = columns.reduce(0.0) { if case .flexible(let f) = $1 { $0 + max(0, f) } else { $0 } }
        let scale = fixed > width && fixed > 0 ? width / fixed : 1
        let rest = max(0, width - fixed * scale)
        return columns.map { column in
            switch column {
            case .fixed(let w): max(0, w) * scale
            case .flexible(let f): weights > 0 ? rest * max(0, f) / weights : 0
            }
        }
    }
}
