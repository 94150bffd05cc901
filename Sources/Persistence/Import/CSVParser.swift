/// A CSV reader for RFC 4180 files as personnel systems export them: comma-separated; records end
/// with CRLF or LF; a field may be quoted with `"`, and then holds commas, line breaks and doubled
/// quotes (`""` for `"`); a UTF-8 byte-order mark at the start is dropped; a final line break does
/// not start an empty record; blank lines are skipped. Pure: bytes in, records out.
public enum CSVParser {
    /// Parses `bytes` into records, or names the first syntax error.
    public static func parse(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false       // inside a quoted field
        var wasQuoted = false    // the current field was quoted and has closed
        var fieldStarted = false // the current record has any content

        func finishField() throws(CSVSyntaxError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVSyntaxError(code: .invalidUTF8, line: line, column: fields.count + 1)
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func finishRecord() throws(CSVSyntaxError) {
            if fieldStarted || !fields.isEmpty {
                try finishField()
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            fieldStarted = false
        }

        while i < n {
            let b = bytes[i]
            if quoted {
                if b == quote {
                    if i + 1 < n, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    quoted = false
                    wasQuoted = true
                } else {
                    if b == lf { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case comma:
                fieldStarted = true
                try finishField()
            case lf, cr:
                try finishRecord()
                if b == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                line += 1
                recordLine = line
            case quote:
                if wasQuoted || !field.isEmpty {
                    throw CSVSyntaxError(code: wasQuoted ? .textAfterClosingQuote : .quoteInUnquotedField, line: line, column: fields.count + 1)
                }
                quoted = true
                fieldStarted = true
            default:
                if wasQuoted { throw CSVSyntaxError(code: .textAfterClosingQuote, line: line, column: fields.count + 1) }
                field.append(b)
                fieldStarted = true
            }
            i += 1
        }
        if quoted { throw CSVSyntaxError(code: .unterminatedQuote, line: recordLine, column: fields.count + 1) }
        try finishRecord()
        return records
    }
}
