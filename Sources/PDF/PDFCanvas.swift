/// The content stream of one page (ISO 32000-1 §8 and §9.4), built from a few drawing operations.
/// Coordinates are PDF user space: points, origin at the bottom-left corner of the page. Every
/// operator and number is appended as bytes (`PDFSyntax.appendNumber`), never through a String.
struct PDFCanvas {
    /// The content stream bytes.
    private(set) var content: [UInt8] = []

    /// Shows WinAnsi `bytes` with the baseline starting at (x, y); `vertical` runs it upwards.
    mutating func text(_ bytes: [UInt8], x: Double, y: Double, font: PDFFont, size: Double, vertical: Bool = false) {
        guard !bytes.isEmpty else { return }
        // §9.4.2: Tm sets the text matrix absolutely, so no Td arithmetic accumulates errors;
        // [0 1 -1 0 x y] is a quarter turn counter-clockwise.
        put("BT /")
        content.append(contentsOf: font.resourceName.utf8)
        put(" ")
        number(size)
        put(vertical ? " Tf 0 1 -1 0 " : " Tf 1 0 0 1 ")
        numbers(x, y)
        put(" Tm ")
        PDFSyntax.appendLiteral(bytes, to: &content)
        put(" Tj ET\n")
    }

    /// A straight line of `width` points.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 0.5) {
        number(width)
        put(" w ")
        numbers(x1, y1)
        put(" m ")
        numbers(x2, y2)
        put(" l S\n")
    }

    /// A stroked path (§8.5.2 `m`, `l`, `c`, then §8.5.3.2 `S`).
    mutating func stroke(_ segments: [PDFDrawing.Segment], lineWidth: Double) {
        guard !segments.isEmpty else { return }
        number(lineWidth)
        put(" w")
        for (index, segment) in segments.enumerated() {
            put(" ")
            switch segment {
            case .move(let x, let y):
                numbers(x, y)
                put(" m")
            case .line(let x, let y):
                // A path must begin with m; a leading line starts where it points.
                numbers(x, y)
                put(index == 0 ? " m" : " l")
            case .curve(let c1x, let c1y, let c2x, let c2y, let x, let y):
                if index == 0 {
                    numbers(c1x, c1y)
                    put(" m ")
                }
                numbers(c1x, c1y)
                put(" ")
                numbers(c2x, c2y)
                put(" ")
                numbers(x, y)
                put(" c")
            }
        }
        put(" S\n")
    }

    /// The outline of a rectangle whose bottom-left corner is (x, y).
    mutating func strokeRect(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5) {
        number(lineWidth)
        put(" w ")
        rectangle(x, y, width, height)
        put(" re S\n")
    }

    /// A rectangle filled with a grey level (0 black, 1 white); the fill colour is reset to black
    /// afterwards so later text is unaffected (§8.6.8, `g` sets the non-stroking grey).
    mutating func fillRect(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        number(gray)
        put(" g ")
        rectangle(x, y, width, height)
        put(" re f 0 g\n")
    }

    /// `x y width height`, as `re` takes them.
    private mutating func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        numbers(x, y)
        put(" ")
        numbers(width, height)
    }

    /// Two numbers with a space between.
    private mutating func numbers(_ a: Double, _ b: Double) {
        number(a)
        put(" ")
        number(b)
    }

    private mutating func number(_ value: Double) {
        PDFSyntax.appendNumber(value, to: &content)
    }

    private mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { content.append(contentsOf: $0) }
    }
}
