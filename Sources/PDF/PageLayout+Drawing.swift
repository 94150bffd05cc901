/// Drawing boxes (`PDFDrawing`).
extension PageLayout {
    /// Places a drawing box below the cursor, on a new page if it does not fit here.
    mutating func addDrawing(_ drawing: PDFDrawing) {
        let height = max(0, drawing.height)
        ensure(height)
        let originX = left
        let originY = advance(height) - height
        draw { canvas in
            for element in drawing.elements {
                switch element {
                case .path(let segments, let lineWidth):
                    canvas.stroke(segments.map { $0.offset(x: originX, y: originY) }, lineWidth: lineWidth)
                case .rect(let x, let y, let width, let height, let lineWidth):
                    canvas.strokeRect(x: originX + x, y: originY + y, width: width, height: height, lineWidth: lineWidth)
                case .text(let text, let x, let y, let font, let size, let alignment, let vertical):
                    let bytes = WinAnsi.encode(text).map { $0 == 0x0A ? 0x20 : $0 }
                    let width = Double(font.units(of: bytes)) * size / 1000
                    // Alignment shifts along the text's own direction.
                    let shift = alignment.origin(x: 0, width: 0, lineWidth: width)
                    if vertical {
                        canvas.text(bytes, x: originX + x, y: originY + y + shift, font: font, size: size, vertical: true)
                    } else {
                        canvas.text(bytes, x: originX + x + shift, y: originY + y, font: font, size: size)
                    }
                }
            }
        }
    }
}

extension PDFDrawing.Segment {
    /// The segment moved by (x, y).
    func offset(x dx: Double, y dy: Double) -> PDFDrawing.Segment {
        switch self {
        case .move(let x, let y): .move(x: x + dx, y: y + dy)
        case .line(let x, let y): .line(x: x + dx, y: y + dy)
        case .curve(let c1x, let c1y, let c2x, let c2y, let x, let y):
            .curve(c1x: c1x + dx, c1y: c1y + dy, c2x: c2x + dx, c2y: c2y + dy, x: x + dx, y: y + dy)
        }
    }
}
