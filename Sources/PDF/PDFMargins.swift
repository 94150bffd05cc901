/// Page margins in points. The running header sits inside the top margin and the footer and page
/// number inside the bottom margin, so both should stay at least about 40 pt.
public struct PDFMargins: Sendable, Hashable {
    /// Top margin.
    public var top: Double
    /// Left margin.
    public var left: Double
    /// Bottom margin.
    public var bottom: Double
    /// Right margin.
    public var right: Double

    /// Custom margins.
    public init(top: Double, left: Double, bottom: Double, right: Double) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    /// About 20 mm on every side.
    public static let standard = PDFMargins(top: 57, left: 57, bottom: 57, right: 57)
}
