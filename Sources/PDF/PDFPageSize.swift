/// Page dimensions in points (1/72 inch).
public struct PDFPageSize: Sendable, Hashable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double

    /// A custom size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4 portrait, 210 × 297 mm (the Dokumen Evaluasi).
    public static let a4Portrait = PDFPageSize(width: 595.28, height: 841.89)
    /// ISO A4 landscape (SKP and Evaluasi tables, documents.md §0).
    public static let a4Landscape = PDFPageSize(width: 841.89, height: 595.28)
    /// F4/Folio portrait, 215 × 330 mm, a tenant option (documents.md §0).
    public static let f4Portrait = PDFPageSize(width: 609.45, height: 935.43)
}
