/// The content stream of one page (ISO 32000-1 §8 and §9.4), built from a few drawing operations.
/// Coordinates are PDF user space: points, origin at the bottom-left corner of the page.
struct PDFCanvas {
    /// The content stream bytes.
    private(set) var content: [UInt8] = []

    /// Shows WinAnsi `bytes` with the baseline starting at (x, y); `vertical` runs it upwards.
    mutating func text(_ bytes: [UInt8], x: Double, y: Double, font: PDFFont, size: Double, vertical: Bool = false) {
        guard !bytes.isEmpty else { return }
        // §9.4.2: Tm sets the text matrix absolutely, so no Td arithmetic accumulates errors;
        // [0 1 -1 0 x y] is a quarter turn counter-clockwise.
        append("BT /\(font.resourceName) \(PDFSyntax.number(size)) Tf \(vertical ? "0 1 -1 0" : "1 0 0 1") ")
        append("\(PDFSyntax.number(x)) \(PDFSyntax.number(y)) Tm ")
        content += PDFSyntax.literal(bytes)
        append(" Tj ET\n")
    }

    /// A straight line of `width` points.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 0.5) {
        let n = PDFSyntax.number
        append("\(n(width)) w \(n(x1)) \(n(y1)) m \(n(x2)) \(n(y2)) l S\n")
    }

    /// A stroked path (§8.5.2 `m`, `l`, `c`, then §8.5.3.2 `S`).
    mutating func stroke(_ segments: [PDFDrawing.Segment], lineWidth: Double) {
        guard !segments.isEmpty else { return }
        let n = PDFSyntax.number
        var ops = "\(n(lineWidth)) w"
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .move(let x, let y):
                ops += " \(n(x)) \(n(y)) m"
            case .line(let x, let y):
                // A path must begin with m; a leading line starts where it points.
                ops += index == 0 ? " \(n(x)) \(n(y)) m" : " \(n(x)) \(n(y)) l"
            case .curve(let c1x, let c1y, let c2x, let c2y, let x, let y):
                if index == 0 { ops += " \(n(c1x)) \(n(c1y)) m" }
                ops += " \(n(c1x)) \(n(c1y)) \(n(c2x)) \(n(c2y)) \(n(x)) \(n(y)) c"
            }
        }
        append(ops + " S\n")
    }

    /// The outline of a rectangle whose bottom-left corner is (x, y).
    mutating func strokeRect(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5) {
        let n = PDFSyntax.number
        append("\(n(lineWidth)) w \(n(x)) \(n(y)) \(n(width)) \(n(height)) re S\n")
    }

    /// A rectangle filled with a grey level (0 black, 1 white); the fill colour is reset to black
    /// afterwards so later text is unaffected (§8.6.8, `g` sets the non-stroking grey).
    mutating func fillRect(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        let n = PDFSyntax.number
        append("\(n(gray)) g \(n(x)) \(n(y)) \(n(width)) \(n(height)) re f 0 g\n")
    }

    private mutating func append(_ text: String) {
        content += Array(text.utf8)
    }
}
