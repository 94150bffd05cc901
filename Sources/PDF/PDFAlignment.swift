/// Horizontal alignment of a line of text inside its box.
public enum PDFAlignment: Sendable, Hashable {
    /// Flush left.
    case left
    /// Centred.
    case center
    /// Flush right.
    case right

    /// The x at which a line `lineWidth` wide starts inside a box at `x` that is `width` wide.
    func origin(x: Double, width: Double, lineWidth: Double) -> Double {
        switch self {
        case .left: x
        case .center: x + (width - lineWidth) / 2
        case .right: x + width - lineWidth
        }
    }
}
