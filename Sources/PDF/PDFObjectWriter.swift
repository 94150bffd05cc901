/// Writes the body of a PDF file object by object, then the cross-reference table and trailer
/// (ISO 32000-1 §7.5). Offsets are taken from the very buffer that is returned, so they are right
/// by construction.
struct PDFObjectWriter {
    private var buffer: [UInt8] = []
    /// Byte offset of each object, index = object number - 1; nil until written.
    private var offsets: [Int?] = []

    init() {
        // §7.5.2: the header, then a comment with four bytes above 127 so that transfer tools
        // treat the file as binary (page text holds raw WinAnsi bytes).
        append("%PDF-1.4\n%")
        buffer += [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    /// Reserves the next object number, to be written later (lets objects refer forward).
    mutating func allocate() -> Int {
        offsets.append(nil)
        return offsets.count
    }

    /// Writes `number 0 obj <body> endobj`; `body` is ASCII PDF syntax.
    mutating func write(_ number: Int, _ body: String) {
        begin(number)
        append(body)
        append("\nendobj\n")
    }

    /// Writes a stream object (§7.3.8). `/Length` is the exact byte count of `data`; the data is
    /// followed by an end-of-line marker before `endstream`, which the length excludes.
    mutating func writeStream(_ number: Int, data: [UInt8]) {
        begin(number)
        append("<< /Length \(data.count) >>\nstream\n")
        buffer += data
        append("\nendstream\nendobj\n")
    }

    /// Appends the xref table, trailer and `startxref`, and returns the whole file. Objects that
    /// were allocated but never written are emitted as `null` first, so the table never points
    /// at garbage.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        for (index, offset) in offsets.enumerated() where offset == nil {
            write(index + 1, "null")
        }
        let xrefOffset = buffer.count
        // §7.5.4: one subsection from object 0; every entry exactly 20 bytes including its
        // two-byte end of line ("\r\n"). Object 0 is the head of the free list.
        append("xref\n0 \(offsets.count + 1)\n")
        append("0000000000 65535 f\r\n")
        for offset in offsets {
            append(padded(offset ?? 0, 10) + " 00000 n\r\n")
        }
        // §7.5.5: /Size is one more than the highest object number.
        append("trailer\n<< /Size \(offsets.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\n")
        append("startxref\n\(xrefOffset)\n%%EOF\n")
        return buffer
    }

    private mutating func begin(_ number: Int) {
        offsets[number - 1] = buffer.count
        append("\(number) 0 obj\n")
    }

    private mutating func append(_ text: String) {
        buffer += Array(text.utf8)
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
