/// One of the standard Type1 faces the writer uses (ISO 32000-1 §9.6.2.2, "Standard Type 1
/// Fonts"): every conforming reader has them, so nothing is embedded.
public enum PDFFont: Sendable, Hashable, CaseIterable {
    /// Helvetica, for body text.
    case helvetica
    /// Helvetica-Bold, for titles, header cells and names.
    case helveticaBold
    /// Helvetica-Oblique, for notes.
    case helveticaOblique

    /// The PostScript name written as `/BaseFont`.
    public var baseFont: String {
        switch self {
        case .helvetica: "Helvetica"
        case .helveticaBold: "Helvetica-Bold"
        case .helveticaOblique: "Helvetica-Oblique"
        }
    }

    /// The name the page resources give the font (`/F1` …).
    var resourceName: String {
        switch self {
        case .helvetica: "F1"
        case .helveticaBold: "F2"
        case .helveticaOblique: "F3"
        }
    }

    /// Advance width of one WinAnsi code, in 1/1000 em.
    public func width(ofCode code: UInt8) -> Int {
        guard code >= FontMetrics.firstCode else { return 0 }
        let index = Int(code - FontMetrics.firstCode)
        switch self {
        case .helvetica, .helveticaOblique: return Int(FontMetrics.helvetica[index])
        case .helveticaBold: return Int(FontMetrics.helveticaBold[index])
        }
    }

    /// Advance width of WinAnsi bytes, in 1/1000 em (no kerning: the standard fonts are shown
    /// without it here, so this is exactly what the reader draws).
    public func units(of bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + width(ofCode: $1) }
    }

    /// Width of `text` in points at `size`, after WinAnsi encoding.
    public func width(of text: String, size: Double) -> Double {
        Double(units(of: WinAnsi.encode(text))) * size / 1000
    }
}
