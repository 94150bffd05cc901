/// One table cell.
public struct PDFTableCell: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The text; wraps inside the cell, `\n` forces a line break.
    public var text: String
    /// Bold face.
    public var bold: Bool
    /// How many columns the cell covers (at least 1).
    public var span: Int
    /// Horizontal alignment of each line.
    public var alignment: PDFAlignment
    /// A heavy border, e.g. the employee's cell in the Kuadran grid (documents.md §5).
    public var heavyBorder: Bool

    /// A cell.
    public init(_ text: String, bold: Bool = false, span: Int = 1, alignment: PDFAlignment = .left,
                heavyBorder: Bool = false) {
        self.text = text
        self.bold = bold
        self.span = max(1, span)
        self.alignment = alignment
        self.heavyBorder = heavyBorder
    }

    /// A plain cell from a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// A plain cell from an interpolated literal, e.g. `"\(number)"`.
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }
}
