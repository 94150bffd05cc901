/// Table layout: measured rows, page breaks between rows, the header repeated on each page, and
/// rows taller than a page split between text lines.
extension PageLayout {
    /// Horizontal padding inside a cell.
    static let cellPaddingX = 3.0
    /// Vertical padding inside a cell.
    static let cellPaddingY = 2.5
    /// Grey level of header and shaded rows.
    static let shade = 0.88

    /// A cell with its position and wrapped lines.
    struct PlacedCell {
        var x: Double
        var width: Double
        var lines: [[UInt8]]
        var font: PDFFont
        var alignment: PDFAlignment
        var heavyBorder: Bool
    }

    /// A row ready to draw.
    struct PlacedRow {
        var cells: [PlacedCell]
        var shaded: Bool
        /// Lines the row is tall: its tallest cell, its minimum height, and at least 1.
        var lineCount: Int
    }

    /// Lays out `table` from the cursor on.
    mutating func addTable(_ table: PDFTable) {
        guard !table.columns.isEmpty else { return }
        let widths = table.columnWidths(for: contentWidth)
        let size = max(1, table.fontSize)
        let lineHeight = size * Self.leading
        let header = table.header.map { place($0, widths: widths, size: size, header: true) }
        let rows = table.rows.map { place($0, widths: widths, size: size, header: false) }
        let headerHeight = header.reduce(0) { $0 + rowHeight(lines: $1.lineCount, lineHeight: lineHeight) }

        // Start on a new page unless the header and the first row fit here (or, for a first row
        // taller than a page, its first line), so a header is never left alone at a page foot.
        let firstRow = rows.first.map { rowHeight(lines: $0.lineCount, lineHeight: lineHeight) } ?? 0
        let firstRowFitsAPage = firstRow <= frameHeight - headerHeight
        ensure(headerHeight + (firstRowFitsAPage ? firstRow : rowHeight(lines: 1, lineHeight: lineHeight)))
        // Whether moving the next row to a new page would gain space: not right below a header
        // that already stands at the top of a page.
        var canMove = !pageIsEmpty
        drawHeader(header, table: table, size: size)

        for row in rows {
            var done = 0
            while done < row.lineCount {
                let remaining = row.lineCount - done
                let needed = rowHeight(lines: remaining, lineHeight: lineHeight)
                if needed <= available {
                    drawRow(row, lines: done..<row.lineCount, table: table, size: size, header: false)
                    canMove = true
                    break
                }
                let fitsOnFreshPage = needed <= frameHeight - headerHeight
                let linesHere = Int(((available - 2 * Self.cellPaddingY) / lineHeight).rounded(.down))
                if canMove && (fitsOnFreshPage || linesHere < 1) {
                    // The row moves whole to the next page.
                    continueOnNewPage(header, table: table, size: size)
                    canMove = false
                    continue
                }
                // Taller than a page (or nothing else on this page): fill the page with as many
                // lines as fit and carry the rest over. At least one line, so a page too small
                // for a single line still terminates.
                let count = max(1, min(remaining, linesHere))
                drawRow(row, lines: done..<(done + count), table: table, size: size, header: false)
                done += count
                canMove = true
                if done < row.lineCount {
                    continueOnNewPage(header, table: table, size: size)
                    canMove = false
                }
            }
        }
    }

    /// Height of a row showing `lines` lines.
    func rowHeight(lines: Int, lineHeight: Double) -> Double {
        Double(lines) * lineHeight + 2 * Self.cellPaddingY
    }

    private mutating func continueOnNewPage(_ header: [PlacedRow], table: PDFTable, size: Double) {
        newPage()
        drawHeader(header, table: table, size: size)
    }

    private mutating func drawHeader(_ header: [PlacedRow], table: PDFTable, size: Double) {
        for row in header {
            drawRow(row, lines: 0..<row.lineCount, table: table, size: size, header: true)
        }
    }

    /// Places the cells of `row` on the columns, honouring spans.
    func place(_ row: PDFTableRow, widths: [Double], size: Double, header: Bool) -> PlacedRow {
        var cells: [PlacedCell] = []
        var column = 0
        var x = left
        var source = row.cells[...]
        while column < widths.count {
            let cell = source.popFirst() ?? PDFTableCell("")
            let span = min(cell.span, widths.count - column)
            let width = widths[column..<(column + span)].reduce(0, +)
            let font: PDFFont = cell.bold || header ? .helveticaBold : .helvetica
            let lines = TextLayout.wrap(bytes: WinAnsi.encode(cell.text), font: font, size: size,
                                        width: max(1, width - 2 * Self.cellPaddingX))
            cells.append(PlacedCell(x: x, width: width, lines: lines, font: font, alignment: cell.alignment,
                                    heavyBorder: cell.heavyBorder))
            column += span
            x += width
        }
        // A minimum height becomes a minimum line count, so splitting works on lines alone.
        let lineHeight = size * Self.leading
        let minimumLines = Int(((row.minHeight - 2 * Self.cellPaddingY) / lineHeight).rounded(.up))
        let lineCount = max(1, minimumLines, cells.map(\.lines.count).max() ?? 1)
        return PlacedRow(cells: cells, shaded: row.shaded || header, lineCount: lineCount)
    }

    /// Draws lines `range` of every cell of `row` as one band of boxes below the cursor.
    private mutating func drawRow(_ row: PlacedRow, lines range: Range<Int>, table: PDFTable,
                                  size: Double, header: Bool) {
        let lineHeight = size * Self.leading
        let height = rowHeight(lines: range.count, lineHeight: lineHeight)
        let boxTop = advance(height)
        draw { canvas in
            for cell in row.cells {
                if row.shaded {
                    canvas.fillRect(x: cell.x, y: boxTop - height, width: cell.width, height: height, gray: Self.shade)
                }
                for (offset, index) in range.enumerated() where index < cell.lines.count {
                    let line = cell.lines[index]
                    let lineWidth = Double(cell.font.units(of: line)) * size / 1000
                    let x = cell.alignment.origin(x: cell.x + Self.cellPaddingX,
                                                  width: cell.width - 2 * Self.cellPaddingX, lineWidth: lineWidth)
                    let baseline = boxTop - Self.cellPaddingY - size * Self.ascent - Double(offset) * lineHeight
                    canvas.text(line, x: x, y: baseline, font: cell.font, size: size)
                }
                if table.borders || cell.heavyBorder {
                    canvas.strokeRect(x: cell.x, y: boxTop - height, width: cell.width, height: height,
                                      lineWidth: cell.heavyBorder ? 2 : 0.5)
                }
            }
        }
    }
}
