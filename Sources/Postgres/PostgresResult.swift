import CLibPQ

/// Owns one `PGresult` and frees it when the last row referring to it is gone.
// @unchecked Sendable: a PGresult is never modified after libpq returns it, and libpq documents
// reading one from several threads as safe; the class has no other state after `init`.
final class PostgresResult: @unchecked Sendable {
    let handle: OpaquePointer
    let rowCount: Int32
    let columnCount: Int32
    /// Column names, read once (short names are small strings: no allocation each).
    private let names: [String]

    init(_ handle: OpaquePointer) {
        self.handle = handle
        rowCount = PQntuples(handle)
        columnCount = PQnfields(handle)
        var names = [String]()
        names.reserveCapacity(Int(columnCount))
        for i in 0..<columnCount {
            names.append(PQfname(handle, i).map { String(cString: $0) } ?? "")
        }
        self.names = names
    }

    deinit { PQclear(handle) }

    func columnName(_ column: Int32) -> String {
        column >= 0 && column < columnCount ? names[Int(column)] : "$\(column + 1)"
    }

    /// The index of the first column named exactly `name` (no case folding, unlike `PQfnumber`).
    func columnIndex(_ name: String) -> Int32? {
        names.firstIndex(of: name).map { Int32($0) }
    }

    func dataType(_ column: Int32) -> PostgresDataType {
        PostgresDataType(rawValue: PQftype(handle, column))
    }

    /// The number of rows a command touched (`PQcmdTuples`), 0 when it does not say.
    var rowsAffected: Int {
        guard let p = PQcmdTuples(handle), p.pointee != 0 else { return 0 }
        return Int(String(cString: p)) ?? 0
    }

    /// Calls `body` with the cell at (row, column); its bytes live only for the call.
    func withCell<R>(row: Int32, column: Int32, _ body: (PostgresCell) throws -> R) rethrows -> R {
        let type = dataType(column)
        if PQgetisnull(handle, row, column) != 0 {
            return try body(PostgresCell(bytes: nil, dataType: type, result: self, column: column))
        }
        let length = Int(PQgetlength(handle, row, column))
        let bytes = UnsafeRawBufferPointer(start: PQgetvalue(handle, row, column), count: length)
        return try body(PostgresCell(bytes: bytes, dataType: type, result: self, column: column))
    }
}
