import Foundation

/// The data rows of an import file, read by header name.
struct CSVTable {
    /// Column index by header name.
    let index: [String: Int]
    /// The data records (the header removed).
    let rows: [CSVRecord]

    /// Reads the header of `records` against `kind`'s columns; every missing required column,
    /// unknown column and repeated column is an issue on line 1.
    init(records: [CSVRecord], kind: ImportKind, issues: inout [ImportIssue]) {
        guard let header = records.first else {
            issues.append(ImportIssue(line: 1, column: nil, code: "empty_file", message: "Berkas kosong; baris pertama harus berisi judul kolom."))
            index = [:]
            rows = []
            return
        }
        var index: [String: Int] = [:]
        let known = Set(kind.requiredColumns + kind.optionalColumns)
        for (i, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if !known.contains(name) {
                issues.append(ImportIssue(line: header.line, column: name, code: "unknown_column",
                                          message: "Kolom \"\(name)\" tidak dikenal untuk impor \(kind.rawValue)."))
            } else if index[name] != nil {
                issues.append(ImportIssue(line: header.line, column: name, code: "duplicate_column", message: "Kolom \"\(name)\" muncul dua kali."))
            } else {
                index[name] = i
            }
        }
        for name in kind.requiredColumns where index[name] == nil {
            issues.append(ImportIssue(line: header.line, column: name, code: "missing_column", message: "Kolom wajib \"\(name)\" tidak ada."))
        }
        self.index = index
        rows = Array(records.dropFirst())
    }

    /// The trimmed value of column `name` in `row`; empty when absent.
    func value(_ row: CSVRecord, _ name: String) -> String {
        guard let i = index[name], i < row.fields.count else { return "" }
        return row.fields[i].trimmingCharacters(in: .whitespaces)
    }
}
