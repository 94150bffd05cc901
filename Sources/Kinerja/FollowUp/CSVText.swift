/// RFC 4180 CSV for spreadsheets: every field quoted (a quote doubled), records ended by CRLF.
/// Payroll opens the TPP export in a spreadsheet, so a cell that would start a formula (`=`, `+`,
/// `-`, `@`, or a tab or carriage return that some spreadsheets skip first) is prefixed with `'`
/// (OWASP, "CSV Injection"): the cell shows as text and never runs.
public enum CSVText {
    /// Characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field, guarded and quoted.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, formulaStarts.contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record with its CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
