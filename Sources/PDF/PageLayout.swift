/// Flows blocks onto pages: keeps a cursor, breaks pages when the next piece does not fit, and
/// collects one canvas per page. Running headers, footers and page numbers are added afterwards
/// by `PDFDocument`, once the page count is known.
struct PageLayout {
    /// Page size in points.
    let pageSize: PDFPageSize
    /// Margins in points.
    let margins: PDFMargins

    /// Finished pages plus the one being filled (always at least one).
    private(set) var pages: [PDFCanvas] = [PDFCanvas()]
    /// The top of the free space on the current page; it moves down as content is placed.
    private(set) var cursor: Double
    /// Whether anything has been placed on the current page.
    private(set) var pageIsEmpty = true

    static let bodySize = 10.0
    static let headingSize = 12.0
    /// Line height as a multiple of the font size.
    static let leading = 1.25
    /// Baseline distance below the top of a line box, as a multiple of the font size (Helvetica's
    /// ascender is 0.718 em; the rest is half the leading).
    static let ascent = 0.85
    /// Space after a block.
    static let blockGap = 6.0

    init(pageSize: PDFPageSize, margins: PDFMargins) {
        self.pageSize = pageSize
        self.margins = margins
        self.cursor = pageSize.height - margins.top
    }

    // MARK: Geometry

    /// Left edge of the content frame.
    var left: Double { margins.left }
    /// Width of the content frame.
    var contentWidth: Double { max(1, pageSize.width - margins.left - margins.right) }
    /// Top of the content frame.
    var top: Double { pageSize.height - margins.top }
    /// Bottom of the content frame.
    var bottom: Double { margins.bottom }
    /// Height of a whole content frame.
    var frameHeight: Double { max(1, top - bottom) }
    /// Space left on the current page.
    var available: Double { cursor - bottom }

    // MARK: Flow

    /// Starts a new page.
    mutating func newPage() {
        pages.append(PDFCanvas())
        cursor = top
        pageIsEmpty = true
    }

    /// Moves to a new page unless `height` fits here (or the page is still empty, where moving
    /// would not help).
    mutating func ensure(_ height: Double) {
        if height > available && !pageIsEmpty { newPage() }
    }

    /// Claims `height` points below the cursor and returns the top of the claimed box.
    mutating func advance(_ height: Double) -> Double {
        let boxTop = cursor
        cursor -= height
        pageIsEmpty = false
        return boxTop
    }

    /// Adds vertical space, except at the top of a page.
    mutating func space(_ height: Double) {
        guard !pageIsEmpty else { return }
        cursor = max(bottom, cursor - height)
    }

    /// Draws on the current page.
    mutating func draw(_ body: (inout PDFCanvas) -> Void) {
        body(&pages[pages.count - 1])
    }

    // MARK: Blocks

    /// Lays out one block.
    mutating func add(_ block: PDFBlock) {
        switch block {
        case .heading(let text):
            // Keep a heading with the first lines of what follows instead of stranding it at the
            // foot of a page.
            let lines = TextLayout.wrap(bytes: WinAnsi.encode(text), font: .helveticaBold,
                                        size: Self.headingSize, width: contentWidth)
            let height = Double(lines.count) * Self.headingSize * Self.leading
            let withNext = height + Self.blockGap + 3 * Self.bodySize * Self.leading
            if withNext <= frameHeight { ensure(withNext) }
            addText(text, font: .helveticaBold, size: Self.headingSize, alignment: .center)
            space(Self.blockGap)
        case .paragraph(let text):
            addText(text, font: .helvetica, size: Self.bodySize, alignment: .left)
            space(Self.blockGap)
        case .text(let text, let font, let size, let alignment):
            addText(text, font: font, size: size, alignment: alignment)
            space(Self.blockGap)
        case .keyValues(let pairs):
            addKeyValues(pairs)
            space(Self.blockGap)
        case .splitLine(let left, let right):
            addSplitLine(left: left, right: right)
            space(Self.blockGap)
        case .table(let table):
            addTable(table)
            space(Self.blockGap * 1.5)
        case .signatures(let signatures):
            addSignatures(signatures)
            space(Self.blockGap)
        case .drawing(let drawing):
            addDrawing(drawing)
            space(Self.blockGap)
        case .spacer(let height):
            space(height)
        case .pageBreak:
            if !pageIsEmpty { newPage() }
        }
    }

    /// Wrapped lines of text, each line moving to a new page on its own when needed.
    mutating func addText(_ text: String, font: PDFFont, size requested: Double, alignment: PDFAlignment) {
        let size = max(1, requested)
        let lineHeight = size * Self.leading
        for line in TextLayout.wrap(bytes: WinAnsi.encode(text), font: font, size: size, width: contentWidth) {
            ensure(lineHeight)
            let boxTop = advance(lineHeight)
            let x = alignment.origin(x: left, width: contentWidth,
                                     lineWidth: Double(font.units(of: line)) * size / 1000)
            draw { $0.text(line, x: x, y: boxTop - size * Self.ascent, font: font, size: size) }
        }
    }

    /// `Label : value` lines; a pair is kept together on one page when it fits on one.
    mutating func addKeyValues(_ pairs: [(String, String)]) {
        let left = self.left  // a copy: `draw` holds self exclusively
        let size = Self.bodySize
        let font = PDFFont.helvetica
        let lineHeight = size * Self.leading
        let labels = pairs.map { WinAnsi.encode($0.0) }
        let widest = labels.map { Double(font.units(of: $0)) * size / 1000 }.max() ?? 0
        let labelWidth = min(widest, contentWidth * 0.4)
        let colon = WinAnsi.encode(" : ")
        let colonWidth = Double(font.units(of: colon)) * size / 1000
        let valueX = left + labelWidth + colonWidth
        let valueWidth = max(1, contentWidth - labelWidth - colonWidth)
        for (index, pair) in pairs.enumerated() {
            let labelLines = TextLayout.wrap(bytes: labels[index], font: font, size: size, width: labelWidth)
            let valueLines = TextLayout.wrap(bytes: WinAnsi.encode(pair.1), font: font, size: size, width: valueWidth)
            let count = max(labelLines.count, valueLines.count)
            ensure(Double(count) * lineHeight)
            for row in 0..<count {
                ensure(lineHeight)
                let baseline = advance(lineHeight) - size * Self.ascent
                draw { canvas in
                    if row < labelLines.count {
                        canvas.text(labelLines[row], x: left, y: baseline, font: font, size: size)
                    }
                    if row == 0 {
                        canvas.text(colon, x: left + labelWidth, y: baseline, font: font, size: size)
                    }
                    if row < valueLines.count {
                        canvas.text(valueLines[row], x: valueX, y: baseline, font: font, size: size)
                    }
                }
            }
        }
    }

    /// Text flush left and text flush right on the same line(s).
    mutating func addSplitLine(left leftText: String, right rightText: String) {
        let left = self.left  // a copy: `draw` holds self exclusively
        let size = Self.bodySize
        let font = PDFFont.helvetica
        let lineHeight = size * Self.leading
        let leftBytes = WinAnsi.encode(leftText)
        let rightBytes = WinAnsi.encode(rightText)
        let gap = 12.0
        let bothWidth = Double(font.units(of: leftBytes) + font.units(of: rightBytes)) * size / 1000
        // Side by side on one line when they fit; otherwise each wraps in its half.
        let half = bothWidth + gap <= contentWidth ? contentWidth : (contentWidth - gap) / 2
        let leftLines = TextLayout.wrap(bytes: leftBytes, font: font, size: size, width: half)
        let rightLines = TextLayout.wrap(bytes: rightBytes, font: font, size: size, width: half)
        for row in 0..<max(leftLines.count, rightLines.count) {
            ensure(lineHeight)
            let baseline = advance(lineHeight) - size * Self.ascent
            let rightEdge = left + contentWidth
            draw { canvas in
                if row < leftLines.count {
                    canvas.text(leftLines[row], x: left, y: baseline, font: font, size: size)
                }
                if row < rightLines.count {
                    let width = Double(font.units(of: rightLines[row])) * size / 1000
                    canvas.text(rightLines[row], x: rightEdge - width, y: baseline, font: font, size: size)
                }
            }
        }
    }
}
