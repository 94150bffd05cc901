import Foundation

/// One node of the MIME tree, before boundaries are chosen.
enum MIMEPart {
    case leaf(headers: [HeaderField], body: [UInt8])
    indirect case multipart(String, [MIMEPart])

    static func text(_ text: String, subtype: String) -> MIMEPart {
        .leaf(headers: [
            HeaderField("Content-Type", tokens: ["text/\(subtype);", "charset=UTF-8"]),
            HeaderField("Content-Transfer-Encoding", tokens: ["quoted-printable"]),
        ], body: QuotedPrintable.encode(text))
    }

    static func attachment(_ file: MailAttachment) -> MIMEPart {
        // RFC 2045 §6.8: base64 lines of at most 76 characters.
        let encoded = Array(Data(file.data).base64EncodedString().utf8)
        var base64: [UInt8] = []
        base64.reserveCapacity(encoded.count + encoded.count / 38)
        for start in stride(from: 0, to: encoded.count, by: 76) {
            if start > 0 { base64 += [13, 10] }
            base64 += encoded[start..<min(start + 76, encoded.count)]
        }
        return .leaf(headers: [
            HeaderField("Content-Type", tokens: [file.contentType + ";"]
                + MIMEParameter.tokens(name: "name", value: file.filename, isLast: true)),
            // RFC 2183 Content-Disposition with an RFC 2231 filename parameter.
            HeaderField("Content-Disposition", tokens: ["attachment;"]
                + MIMEParameter.tokens(name: "filename", value: file.filename, isLast: true)),
            HeaderField("Content-Transfer-Encoding", tokens: ["base64"]),
        ], body: base64)
    }

    func leafBodies() -> [String] {
        switch self {
        case .leaf(_, let body): [String(decoding: body, as: UTF8.self)]
        case .multipart(_, let parts): parts.flatMap { $0.leafBodies() }
        }
    }

    func render(into out: inout [UInt8], boundaries used: inout Set<String>, leaves: [String],
                generator: inout some RandomNumberGenerator) {
        switch self {
        case .leaf(let headers, let body):
            for field in headers { out += field.render() }
            out += [13, 10]
            out += body
        case .multipart(let subtype, let parts):
            var boundary = MIMEBoundary.make(using: &generator)
            while used.contains(boundary) || leaves.contains(where: { $0.contains(boundary) }) {
                boundary = MIMEBoundary.make(using: &generator)
            }
            used.insert(boundary)
            out += HeaderField("Content-Type", tokens: ["multipart/\(subtype);", "boundary=\"\(boundary)\""]).render()
            out += [13, 10]
            for part in parts {
                out += Array("--\(boundary)\r\n".utf8)
                part.render(into: &out, boundaries: &used, leaves: leaves, generator: &generator)
                out += [13, 10]
            }
            out += Array("--\(boundary)--".utf8)
        }
    }
}
