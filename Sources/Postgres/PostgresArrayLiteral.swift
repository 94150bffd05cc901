/// Reads and writes one-dimensional array literals (`{a,"b c",NULL}`) in PostgreSQL's text format.
///
/// Output rules (arrayfuncs.c): an element is double-quoted when it is empty, equals `NULL` in any
/// case, or contains `{`, `}`, `,`, `"`, `\` or white space; inside quotes `"` and `\` are escaped
/// with a backslash. An unquoted `NULL` is SQL NULL. A literal may start with explicit bounds
/// (`[0:1]={...}`), which are skipped.
enum PostgresArrayLiteral {
    /// Writes every element quoted, so no element text needs inspecting.
    static func encode<Element: PostgresEncodable>(_ elements: [Element], into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        var scratch = [UInt8]()
        for (i, element) in elements.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            if element.isPostgresNull {
                bytes.append(contentsOf: "NULL".utf8)
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            element.encodePostgresText(into: &scratch)
            bytes.append(UInt8(ascii: "\""))
            for c in scratch {
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(c)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Splits the literal into element texts (nil for NULL); nil when it is not a one-dimensional
    /// array literal.
    static func split(_ text: UnsafeRawBufferPointer) -> [[UInt8]?]? {
        var i = 0
        let n = text.count
        if n > 0, text[0] == UInt8(ascii: "[") {
            while i < n, text[i] != UInt8(ascii: "=") { i += 1 }
            i += 1
        }
        guard i < n, text[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var elements: [[UInt8]?] = []
        if i < n, text[i] == UInt8(ascii: "}") { return i + 1 == n ? elements : nil }
        while i < n {
            var element = [UInt8]()
            var quoted = false
            if text[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while true {
                    guard i < n else { return nil }
                    let c = text[i]
                    if c == UInt8(ascii: "\"") { i += 1; break }
                    if c == UInt8(ascii: "\\") {
                        i += 1
                        guard i < n else { return nil }
                    }
                    element.append(text[i])
                    i += 1
                }
            } else {
                if text[i] == UInt8(ascii: "{") { return nil }  // multi-dimensional
                while i < n, text[i] != UInt8(ascii: ","), text[i] != UInt8(ascii: "}") {
                    if text[i] == UInt8(ascii: "\\") {
                        i += 1
                        guard i < n else { return nil }
                    }
                    element.append(text[i])
                    i += 1
                }
            }
            if !quoted, element.count == 4, isNullKeyword(element) {
                elements.append(nil)
            } else {
                elements.append(element)
            }
            guard i < n else { return nil }
            if text[i] == UInt8(ascii: "}") { return i + 1 == n ? elements : nil }
            guard text[i] == UInt8(ascii: ",") else { return nil }
            i += 1
        }
        return nil
    }

    /// Decodes every element as `Element`, with errors naming `column[n]`.
    static func decode<Element: PostgresDecodable>(_ cell: PostgresCell, as: Element.Type) throws -> [Element] {
        guard let parts = split(try cell.requireBytes(as: [Element].self)) else { throw cell.malformed([Element].self) }
        let elementType = cell.dataType.arrayElementType
        var out = [Element]()
        out.reserveCapacity(parts.count)
        for (index, part) in parts.enumerated() {
            if let part {
                let value = try part.withUnsafeBytes { raw in
                    try Element.decode(from: PostgresCell(bytes: raw, dataType: elementType, result: cell.result,
                                                          column: cell.column, element: index))
                }
                out.append(value)
            } else {
                out.append(try Element.decode(from: PostgresCell(bytes: nil, dataType: elementType, result: cell.result,
                                                                 column: cell.column, element: index)))
            }
        }
        return out
    }

    private static func isNullKeyword(_ e: [UInt8]) -> Bool {
        (e[0] | 0x20) == UInt8(ascii: "n") && (e[1] | 0x20) == UInt8(ascii: "u")
            && (e[2] | 0x20) == UInt8(ascii: "l") && (e[3] | 0x20) == UInt8(ascii: "l")
    }
}

extension PostgresDataType {
    /// The element type of the array types this module decodes.
    var arrayElementType: PostgresDataType {
        switch self {
        case .textArray: .text
        case .varcharArray: .varchar
        case .int4Array: .int4
        case .int8Array: .int8
        case .uuidArray: .uuid
        default: .unknown
        }
    }
}
