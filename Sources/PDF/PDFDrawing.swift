/// A box of vector drawing as wide as the content frame, e.g. the distribution curve
/// (documents.md §5). Coordinates are points from the bottom-left corner of the box, y upwards.
/// The box is kept whole on one page; anything drawn outside it is not clipped.
public struct PDFDrawing: Sendable {
    /// One piece of a path (ISO 32000-1 §8.5.2, Table 59).
    public enum Segment: Sendable, Hashable {
        /// Start a new subpath at (x, y) (`m`).
        case move(x: Double, y: Double)
        /// A straight line to (x, y) (`l`).
        case line(x: Double, y: Double)
        /// A cubic Bézier curve to (x, y) with two control points (`c`).
        case curve(c1x: Double, c1y: Double, c2x: Double, c2y: Double, x: Double, y: Double)
    }

    /// One thing to draw.
    public enum Element: Sendable, Hashable {
        /// A stroked path.
        case path([Segment], lineWidth: Double = 0.75)
        /// A stroked rectangle with its bottom-left corner at (x, y).
        case rect(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5)
        /// One line of text (no wrapping), placed by `alignment` relative to x; `vertical` turns
        /// it 90° counter-clockwise, for a y-axis label.
        case text(String, x: Double, y: Double, font: PDFFont = .helvetica, size: Double = 8,
                  alignment: PDFAlignment = .left, vertical: Bool = false)
    }

    /// Height of the box in points.
    public var height: Double
    /// What to draw, in order.
    public var elements: [Element]

    /// A drawing box.
    public init(height: Double, elements: [Element]) {
        self.height = height
        self.elements = elements
    }
}
