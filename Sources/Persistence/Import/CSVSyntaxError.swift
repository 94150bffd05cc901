/// Why a CSV file could not be read at all, and where.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    /// A stable code.
    public enum Code: String, Sendable {
        /// A quoted field is still open at the end of the file.
        case unterminatedQuote = "csv_unterminated_quote"
        /// A `"` inside an unquoted field.
        case quoteInUnquotedField = "csv_quote_in_unquoted_field"
        /// Something other than a separator or line end after a closing quote.
        case textAfterClosingQuote = "csv_text_after_closing_quote"
        /// The bytes are not UTF-8.
        case invalidUTF8 = "csv_invalid_utf8"
    }

    /// What is wrong.
    public var code: Code
    /// The line (1-based).
    public var line: Int
    /// The field (1-based) on that record.
    public var column: Int

    /// Creates an error.
    public init(code: Code, line: Int, column: Int) {
        self.code = code
        self.line = line
        self.column = column
    }

    /// The reason in Bahasa Indonesia.
    public var message: String {
        switch code {
        case .unterminatedQuote: "Tanda kutip pada kolom ini tidak ditutup sampai akhir berkas."
        case .quoteInUnquotedField: "Tanda kutip di tengah kolom yang tidak diapit tanda kutip; gandakan (\"\") atau apit seluruh kolom."
        case .textAfterClosingQuote: "Ada teks sesudah tanda kutip penutup; kolom harus berakhir dengan koma atau akhir baris."
        case .invalidUTF8: "Berkas bukan teks UTF-8."
        }
    }
}
