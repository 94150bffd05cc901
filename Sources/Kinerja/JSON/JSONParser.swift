import Foundation

/// A strict JSON parser (RFC 8259) producing a `JSONValue`.
///
/// Written by hand rather than through `JSONSerialization` so that numbers stay exact decimals,
/// booleans are never confused with numbers, and duplicate keys are an error instead of a silent
/// overwrite (a rule set with two `"days"` would otherwise mean whichever came last).
public struct JSONParser {
    /// Why a document is not JSON, with the byte offset where parsing stopped.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// Byte offset into the document.
        public var offset: Int
        /// What went wrong, in Bahasa Indonesia.
        public var message: String
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 64

    private init(_ data: Data) { bytes = Array(data) }

    /// Parses a whole document; trailing content other than whitespace is an error.
    public static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(data)
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else {
            throw parser.error("ada isi tambahan setelah nilai JSON")
        }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(offset: position, message: message)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
            position += 1
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw error("dokumen berakhir sebelum nilai lengkap") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: return try parseNumber()
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        let expected = Array(literal.utf8)
        guard position + expected.count <= bytes.count,
              Array(bytes[position..<position + expected.count]) == expected else {
            throw error("nilai tidak dikenal")
        }
        position += expected.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("struktur terlalu dalam") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("diharapkan nama kunci dalam tanda kutip")
            }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("diharapkan ':' setelah nama kunci")
            }
            position += 1
            let value = try parseValue()
            guard members[key] == nil else {
                throw SyntaxError(offset: keyOffset, message: "kunci '\(key)' muncul lebih dari sekali")
            }
            members[key] = value
            skipWhitespace()
            guard position < bytes.count else { throw error("objek tidak ditutup") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            throw error("diharapkan ',' atau '}'")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("daftar tidak ditutup") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
            throw error("diharapkan ',' atau ']'")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        position += 1
        var buffer: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw error("teks bukan UTF-8 yang sah")
                }
                return text
            }
            if byte < 0x20 { throw error("karakter kendali di dalam teks") }
            if byte == UInt8(ascii: "\\") {
                position += 1
                let scalar = try parseEscape()
                buffer.append(contentsOf: Array(String(scalar).utf8))
                continue
            }
            buffer.append(byte)
            position += 1
        }
        throw error("teks tidak ditutup")
    }

    private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
        guard position < bytes.count else { throw error("escape tidak lengkap") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                      bytes[position + 1] == UInt8(ascii: "u") else {
                    throw error("pasangan surrogate tidak lengkap")
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw error("pasangan surrogate tidak sah")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("escape unicode tidak sah") }
            return scalar
        default:
            throw error("escape tidak dikenal")
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("escape unicode tidak lengkap") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = hexDigit(byte) else { throw error("escape unicode tidak sah") }
            value = value * 16 + digit
        }
        position += 4
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = position
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("nilai tidak dikenal") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("bilangan tidak sah") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("bilangan tidak sah") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let lexeme = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Decimal(string: lexeme, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            throw SyntaxError(offset: start, message: "bilangan di luar jangkauan")
        }
        return .number(value)
    }
}
