import Foundation

extension UUID: PostgresArrayElement {
    /// `uuid`.
    public static var postgresDataType: PostgresDataType { .uuid }
    /// `uuid[]`.
    public static var postgresArrayDataType: PostgresDataType { .uuidArray }

    /// The canonical lowercase form, written byte by byte.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        withUnsafeBytes(of: uuid) { raw in
            digits.withUTF8Buffer { hex in
                for (i, byte) in raw.enumerated() {
                    if i == 4 || i == 6 || i == 8 || i == 10 { bytes.append(UInt8(ascii: "-")) }
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0f)])
                }
            }
        }
    }

    /// From `uuid`, parsed from the 36-character text without a `String`.
    public static func decode(from cell: PostgresCell) throws -> UUID {
        try cell.requireType(.uuid, for: UUID.self)
        let text = try cell.requireBytes(as: UUID.self)
        guard let value = parse(text) else { throw cell.malformed(UUID.self) }
        return value
    }

    static func parse(_ text: UnsafeRawBufferPointer) -> UUID? {
        guard text.count == 36 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var j = 0
            var i = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard text[i] == UInt8(ascii: "-") else { return false }
                    i += 1
                    continue
                }
                guard let high = PostgresText.hexValue(text[i]), let low = PostgresText.hexValue(text[i + 1]) else { return false }
                out[j] = high << 4 | low
                j += 1
                i += 2
            }
            return true
        }
        return ok ? UUID(uuid: raw) : nil
    }
}
