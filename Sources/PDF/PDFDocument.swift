import Foundation

/// A PDF 1.4 document built from blocks of text, tables and signatures, rendered with the
/// standard Helvetica fonts (nothing embedded, no compression).
///
/// ```swift
/// var doc = PDFDocument(title: "Evaluasi Kinerja Tahunan", creationDate: now)
/// doc.header = "PEMERINTAH KABUPATEN TANAH LAUT"
/// doc.footer = "Kode verifikasi: ABCD-1234"
/// doc.add(.heading("EVALUASI KINERJA PEGAWAI"))
/// doc.add(.keyValues([("Nama", "Budi"), ("NIP", "198503122010011001")]))
/// let bytes = doc.render()
/// ```
///
/// Limits, by design: text is WinAnsi only (other characters print as `?`, see `WinAnsi`); no
/// images, no embedded fonts, no compression, no kerning or hyphenation; table cells cannot span
/// rows; a table header taller than a page is not split.
public struct PDFDocument: Sendable {
    /// Document title, stored in the document information dictionary (any Unicode).
    public var title: String
    /// Creation time, injected so that output is reproducible (no clock is read here).
    public var creationDate: Date
    /// Name of the producing application.
    public var producer: String
    /// Page size; every page has the same.
    public var pageSize: PDFPageSize = .a4Portrait
    /// Page margins.
    public var margins: PDFMargins = .standard
    /// Running header printed small at the top of every page, with a rule below it.
    public var header: String?
    /// Footer printed small at the bottom left of every page, e.g. the verification code.
    public var footer: String?
    /// Whether every page shows "Halaman X dari Y" at the bottom right.
    public var showsPageNumbers = true
    /// The content, in order.
    public private(set) var blocks: [PDFBlock] = []

    /// Size of the running header, footer and page number.
    static let smallSize = 8.0

    /// An empty document.
    public init(title: String, creationDate: Date, producer: String = "Kinerja") {
        self.title = title
        self.creationDate = creationDate
        self.producer = producer
    }

    /// Appends a block.
    public mutating func add(_ block: PDFBlock) {
        blocks.append(block)
    }

    /// Number of pages the document lays out to.
    public var pageCount: Int { layoutPages().count }

    /// The complete PDF file.
    public func render() -> [UInt8] {
        // Lay out first, so "dari Y" knows Y; then decorate each page and serialise.
        let pages = layoutPages()
        var writer = PDFObjectWriter()
        let catalog = writer.allocate()
        let pageTree = writer.allocate()
        let info = writer.allocate()
        var fontObjects: [String] = []
        for font in PDFFont.allCases {
            let number = writer.allocate()
            // §9.6.2: a standard Type1 font needs only its name; the encoding makes the bytes in
            // our strings mean WinAnsi (Annex D) rather than the font's built-in encoding.
            writer.write(number, "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) "
                + "/Encoding /WinAnsiEncoding >>")
            fontObjects.append("/\(font.resourceName) \(number) 0 R")
        }
        let resources = "<< /Font << \(fontObjects.joined(separator: " ")) >> /ProcSet [/PDF /Text] >>"
        let mediaBox = "[0 0 \(PDFSyntax.number(pageSize.width)) \(PDFSyntax.number(pageSize.height))]"

        var kids: [String] = []
        for (index, page) in pages.enumerated() {
            var canvas = page
            decorate(&canvas, pageNumber: index + 1, of: pages.count)
            let pageObject = writer.allocate()
            let contents = writer.allocate()
            // §7.7.3.3: a page object with its parent, size, resources and content stream.
            writer.write(pageObject, "<< /Type /Page /Parent \(pageTree) 0 R /MediaBox \(mediaBox) "
                + "/Resources \(resources) /Contents \(contents) 0 R >>")
            writer.writeStream(contents, data: canvas.content)
            kids.append("\(pageObject) 0 R")
        }
        // §7.7.3.2: the page tree root lists every page and counts them.
        writer.write(pageTree, "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages.count) >>")
        // §7.7.2: the catalog.
        writer.write(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R >>")
        // §14.3.3: the document information dictionary.
        writer.write(info, "<< /Title \(PDFSyntax.textString(title)) /Producer \(PDFSyntax.textString(producer)) "
            + "/CreationDate \(PDFSyntax.date(creationDate)) >>")
        return writer.finish(root: catalog, info: info)
    }

    /// The body of every page, without running header, footer and page numbers.
    func layoutPages() -> [PDFCanvas] {
        var layout = PageLayout(pageSize: pageSize, margins: margins)
        for block in blocks {
            layout.add(block)
        }
        return layout.pages
    }

    /// Adds the running header, the footer and "Halaman X dari Y" to a laid-out page.
    private func decorate(_ canvas: inout PDFCanvas, pageNumber: Int, of pageCount: Int) {
        let size = Self.smallSize
        let font = PDFFont.helvetica
        let left = margins.left
        let width = max(1, pageSize.width - margins.left - margins.right)
        let right = left + width
        if let header, !header.isEmpty {
            // Inside the top margin: the text, then a hairline between it and the body.
            let ruleY = pageSize.height - margins.top + 6
            // Several lines stack upwards from the rule, the first line on top.
            let lines = TextLayout.wrap(bytes: WinAnsi.encode(header), font: font, size: size, width: width)
            for (row, text) in lines.enumerated() {
                let y = ruleY + 4 + Double(lines.count - 1 - row) * size * PageLayout.leading
                canvas.text(text, x: left, y: y, font: font, size: size)
            }
            canvas.line(x1: left, y1: ruleY, x2: right, y2: ruleY, width: 0.5)
        }
        // Inside the bottom margin: the footer flush left, the page number flush right.
        let baseline = margins.bottom - 20
        var footerWidth = width
        if showsPageNumbers {
            let number = WinAnsi.encode("Halaman \(pageNumber) dari \(pageCount)")
            let numberWidth = Double(font.units(of: number)) * size / 1000
            canvas.text(number, x: right - numberWidth, y: baseline, font: font, size: size)
            footerWidth = max(1, width - numberWidth - 12)
        }
        if let footer, !footer.isEmpty {
            let lines = TextLayout.wrap(bytes: WinAnsi.encode(footer), font: font, size: size, width: footerWidth)
            for (row, text) in lines.enumerated() {
                let y = baseline - Double(row) * size * PageLayout.leading
                canvas.text(text, x: left, y: y, font: font, size: size)
            }
        }
    }
}
