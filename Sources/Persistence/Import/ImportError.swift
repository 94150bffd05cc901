/// An import refused as a whole before its rows are looked at.
public enum ImportError: Error, Sendable, Equatable {
    /// The file is larger than the limit (bytes): 413.
    case tooLarge(limit: Int)
    /// The file has more data rows than the limit: 422.
    case tooManyRows(limit: Int, found: Int)

    /// The reason in Bahasa Indonesia.
    public var message: String {
        switch self {
        case .tooLarge(let limit): "Berkas impor melebihi batas \(limit) bita."
        case .tooManyRows(let limit, let found): "Berkas impor berisi \(found) baris data; paling banyak \(limit) baris."
        }
    }
}
