import Foundation

/// The canonical JSON text of a value, the input of the audit hash chain (migration 0003).
///
/// Definition (close to RFC 8785, JSON Canonicalization Scheme, without its floating-point rules):
/// - no whitespace anywhere;
/// - object members sorted by key, comparing the keys' UTF-8 bytes (equal to code-point order);
/// - strings: `"` and `\` escaped as `\"` and `\\`; U+0008, U+0009, U+000A, U+000C, U+000D as
///   `\b`, `\t`, `\n`, `\f`, `\r`; other code points below U+0020 as `\u00xx` (lower-case hex);
///   everything else, including `/` and non-ASCII, as raw UTF-8;
/// - numbers: the shortest decimal form of the exact `Decimal` value (`60`, `1.5`, `-0.25`), no
///   exponent, no `+`, no trailing zeros after the point;
/// - `true`, `false`, `null` as such.
/// The same value therefore always gives the same bytes, whatever order it was built or stored
/// in (jsonb reorders keys; the text read back canonicalises to the same bytes).
public enum CanonicalJSON {
    /// The canonical text of `value`.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// The canonical UTF-8 bytes of `value`.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        Array(string(value).utf8)
    }

    private static func append(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += number(n)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                appendString(key, to: &out)
                out += ":"
                if let member = members[key] { append(member, to: &out) }
            }
            out += "}"
        }
    }

    static func number(_ n: Decimal) -> String {
        // Decimal's description is plain decimal notation without exponent and without trailing
        // zeros ("1.5", "-3", "0.001"); -0 prints as "0".
        var text = n.description
        if text == "-0" { text = "0" }
        return text
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
