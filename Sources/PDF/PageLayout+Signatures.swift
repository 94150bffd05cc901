/// Signature blocks (documents.md §0 "Signatures").
extension PageLayout {
    /// Room left for the handwritten signature and stamp, about 20 mm.
    static let signatureSpace = 57.0

    /// Lays out signature columns side by side, centred in equal columns. A single signature
    /// takes the right half, where the evaluator signs. The whole block stays on one page.
    mutating func addSignatures(_ signatures: [PDFSignature]) {
        guard !signatures.isEmpty else { return }
        let left = self.left  // a copy: `draw` holds self exclusively
        let size = Self.bodySize
        let lineHeight = size * Self.leading
        let slots = max(2, signatures.count)
        let columnWidth = contentWidth / Double(slots)
        let firstSlot = slots - signatures.count
        let textWidth = max(1, columnWidth - 8)

        func wrap(_ text: String?, _ font: PDFFont) -> [[UInt8]] {
            guard let text else { return [] }
            return TextLayout.wrap(bytes: WinAnsi.encode(text), font: font, size: size, width: textWidth)
        }
        let placeLines = signatures.map { wrap($0.placeAndDate, .helvetica) }
        let roleLines = signatures.map { wrap($0.role, .helvetica) }
        let nameLines = signatures.map { wrap($0.name, .helveticaBold) }
        let nipLines = signatures.map { wrap($0.nip.map { "NIP. \($0)" }, .helvetica) }
        // Each part starts on the same line in every column, so roles and names line up.
        let placeCount = placeLines.map(\.count).max() ?? 0
        let roleCount = roleLines.map(\.count).max() ?? 0
        let nameCount = nameLines.map(\.count).max() ?? 0
        let nipCount = nipLines.map(\.count).max() ?? 0
        let height = Double(placeCount + roleCount + nameCount + nipCount) * lineHeight + Self.signatureSpace

        ensure(height)
        let boxTop = advance(height)
        let nameTop = boxTop - Double(placeCount + roleCount) * lineHeight - Self.signatureSpace
        let nipTop = nameTop - Double(nameCount) * lineHeight
        draw { canvas in
            for index in signatures.indices {
                let x = left + Double(firstSlot + index) * columnWidth
                func put(_ lines: [[UInt8]], top: Double, font: PDFFont, underline: Bool = false) {
                    for (row, line) in lines.enumerated() {
                        let width = Double(font.units(of: line)) * size / 1000
                        let lineX = PDFAlignment.center.origin(x: x, width: columnWidth, lineWidth: width)
                        let baseline = top - size * Self.ascent - Double(row) * lineHeight
                        canvas.text(line, x: lineX, y: baseline, font: font, size: size)
                        if underline && !line.isEmpty {
                            // Helvetica's underline position is -100/1000 em, thickness 50/1000.
                            let y = baseline - size * 0.1
                            canvas.line(x1: lineX, y1: y, x2: lineX + width, y2: y, width: size * 0.05)
                        }
                    }
                }
                put(placeLines[index], top: boxTop, font: .helvetica)
                put(roleLines[index], top: boxTop - Double(placeCount) * lineHeight, font: .helvetica)
                put(nameLines[index], top: nameTop, font: .helveticaBold, underline: true)
                put(nipLines[index], top: nipTop, font: .helvetica)
            }
        }
    }
}
