/// Renders one header field folded to 78-character lines (RFC 5322 §2.1.1, §2.2.3).
///
/// A value is a list of tokens that are separated by single spaces; a fold (CRLF followed by the
/// space) may replace any separating space, so unfolding (removing CRLF) gives the value back.
struct HeaderField {
    /// RFC 5322 §2.1.1: lines SHOULD be at most 78 characters, excluding CRLF.
    static let preferredLineLength = 78

    let name: String
    let tokens: [String]

    init(_ name: String, tokens: [String]) {
        self.name = name
        self.tokens = tokens
    }

    /// A field whose value is free text (Subject): literal words when plain ASCII, else RFC 2047
    /// encoded-words sized so the first fits on the line with the field name.
    static func unstructured(_ name: String, _ text: String) -> HeaderField {
        if EncodedWord.canStayLiteral(text) {
            return HeaderField(name, tokens: text.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        let first = preferredLineLength - name.utf8.count - 2
        return HeaderField(name, tokens: EncodedWord.encode(text, firstLimit: first, limit: EncodedWord.maxLength))
    }

    /// A field holding a list of mailboxes (From, To, Cc, Reply-To), comma separated.
    static func addresses(_ name: String, _ list: [MailAddress]) -> HeaderField {
        var tokens: [String] = []
        for (index, mailbox) in list.enumerated() {
            var item = mailboxTokens(mailbox)
            if index < list.count - 1 { item[item.count - 1] += "," }
            // Keep a mailbox on one line when it fits, so folds fall between list items.
            let joined = item.joined(separator: " ")
            tokens += joined.utf8.count <= preferredLineLength - 2 ? [joined] : item
        }
        return HeaderField(name, tokens: tokens)
    }

    /// `name <address>`: the name as atoms, a quoted-string, or encoded-words (RFC 5322 §3.4,
    /// RFC 2047 §5 rule 3).
    static func mailboxTokens(_ mailbox: MailAddress) -> [String] {
        let angle = "<" + mailbox.address + ">"
        guard let name = mailbox.name else { return [angle] }
        if EncodedWord.canStayLiteral(name) {
            // RFC 5322 §3.2.3 specials force a quoted-string; quote runs of spaces too.
            let specials = Set("()<>[]:;@\\,.\"")
            if name.contains(where: { specials.contains($0) }) || name.contains("  ") || name.hasPrefix(" ") || name.hasSuffix(" ") {
                let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return ["\"" + escaped + "\"", angle]
            }
            return name.split(separator: " ").map(String.init) + [angle]
        }
        return EncodedWord.encode(name) + [angle]
    }

    /// The field as bytes, folded, ending with CRLF.
    func render() -> [UInt8] {
        var out = Array((name + ":").utf8)
        var lineLength = out.count
        var first = true
        for token in tokens {
            let length = token.utf8.count
            if !first && lineLength + 1 + length > HeaderField.preferredLineLength {
                out += [13, 10]
                lineLength = 0
            }
            out.append(32)
            out += Array(token.utf8)
            lineLength += 1 + length
            first = false
        }
        out += [13, 10]
        return out
    }
}
