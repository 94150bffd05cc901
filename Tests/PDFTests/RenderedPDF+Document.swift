import PDF
import TestSupport

extension RenderedPDF {
    /// Renders `document` and writes it.
    init(_ document: PDFDocument) throws {
        try self.init(document.render())
    }
}
