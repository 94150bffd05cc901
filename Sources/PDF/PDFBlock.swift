/// One piece of document content, laid out top to bottom in the order it was added.
public enum PDFBlock: Sendable {
    /// A title line: bold, centred, 12 pt; wraps, and `\n` forces a new line.
    case heading(String)
    /// Body text: 10 pt, flush left, wrapped to the content width.
    case paragraph(String)
    /// Text with an explicit face, size and alignment.
    case text(String, font: PDFFont = .helvetica, size: Double = 10, alignment: PDFAlignment = .left)
    /// Label–value lines: `Nama : Budi`, the labels in one column, values wrapped beside them.
    case keyValues([(String, String)])
    /// One line with text flush left and other text flush right, e.g. the instansi and
    /// `PERIODE PENILAIAN: …` (documents.md §0). Each side wraps in its half if both do not fit.
    case splitLine(left: String, right: String)
    /// A table; see `PDFTable`.
    case table(PDFTable)
    /// Signature columns side by side; see `PDFSignature`. One signature takes the right half.
    case signatures([PDFSignature])
    /// Vector drawing in a box of fixed height; see `PDFDrawing`.
    case drawing(PDFDrawing)
    /// Vertical space in points (dropped at the top of a page).
    case spacer(Double)
    /// Continue on a new page.
    case pageBreak
}
