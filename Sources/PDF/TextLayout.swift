/// Greedy line breaking with the real font metrics.
///
/// Rules, in order:
/// - `\n` is a hard line break; an empty line stays an empty line.
/// - Words are separated by spaces; runs of spaces collapse to one and leading or trailing spaces
///   are dropped (the documents have no indentation by spaces).
/// - A line takes as many whole words as fit in `width`.
/// - A word wider than `width` on its own (a long NIP without spaces, a URL) is broken between
///   characters, each piece as long as fits, and at least one character per line so a column
///   narrower than one glyph still makes progress.
public enum TextLayout: Sendable {
    /// `text` broken into lines no wider than `width` points in `font` at `size`.
    public static func wrap(_ text: String, font: PDFFont, size: Double, width: Double) -> [String] {
        wrap(bytes: WinAnsi.encode(text), font: font, size: size, width: width).map(WinAnsi.decode)
    }

    /// The same on WinAnsi bytes, which is what the document draws.
    static func wrap(bytes: [UInt8], font: PDFFont, size: Double, width: Double) -> [[UInt8]] {
        // Compare in font units; the tiny slack absorbs rounding of widths given in points.
        let limit = size > 0 ? width * 1000 / size + 1e-6 : .infinity
        let space = font.width(ofCode: 0x20)
        var lines: [[UInt8]] = []
        for hardLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let words = hardLine.split(separator: 0x20, omittingEmptySubsequences: true)
            var current: [UInt8] = []
            var currentUnits = 0
            for word in words {
                let wordUnits = font.units(of: word)
                if !current.isEmpty {
                    if Double(currentUnits + space + wordUnits) <= limit {
                        current.append(0x20)
                        current.append(contentsOf: word)
                        currentUnits += space + wordUnits
                        continue
                    }
                    lines.append(current)
                    current = []
                    currentUnits = 0
                }
                if Double(wordUnits) <= limit {
                    current = Array(word)
                    currentUnits = wordUnits
                    continue
                }
                // The word alone is too wide: cut it into pieces; the last piece stays open so
                // the next word may join it.
                for byte in word {
                    let glyph = font.width(ofCode: byte)
                    if !current.isEmpty && Double(currentUnits + glyph) > limit {
                        lines.append(current)
                        current = []
                        currentUnits = 0
                    }
                    current.append(byte)
                    currentUnits += glyph
                }
            }
            // After a word `current` is never empty; an empty hard line still yields one line.
            if !current.isEmpty || words.isEmpty {
                lines.append(current)
            }
        }
        return lines
    }
}
