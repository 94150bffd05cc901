import Foundation

extension Request {
    /// Decodes the body as JSON. A body that is not JSON is a 400 `invalid-json` problem; JSON of
    /// the wrong shape is a 422 `validation-failed` problem whose `errors` point at the field.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder? = nil) throws(Problem) -> T {
        guard !body.isEmpty else {
            throw Problem.invalidJSON("Isi permintaan kosong; kirim dokumen JSON.")
        }
        let decoder = decoder ?? Self.makeDecoder()
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw Self.problem(for: error)
        } catch {
            throw Problem.invalidJSON("Isi permintaan bukan JSON yang valid.")
        }
    }

    /// A decoder with ISO 8601 dates, the API's convention.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            return .validation([Problem.FieldError(pointer: pointer(context.codingPath + [key]), code: "required",
                                                   message: "Wajib diisi.")])
        case .valueNotFound(_, let context):
            return .validation([Problem.FieldError(pointer: pointer(context.codingPath), code: "required",
                                                   message: "Wajib diisi; tidak boleh null.")])
        case .typeMismatch(let type, let context):
            return .validation([Problem.FieldError(pointer: pointer(context.codingPath), code: "invalid_type",
                                                   message: "Jenis nilai salah; seharusnya \(typeName(type)).")])
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return .validation([Problem.FieldError(pointer: pointer(context.codingPath), code: "invalid_value",
                                                   message: "Nilai tidak valid.")])
        default:
            return .invalidJSON("Isi permintaan bukan JSON yang valid.")
        }
    }

    /// A JSON Pointer (RFC 6901) to the coding path.
    static func pointer(_ path: [any CodingKey]) -> String {
        path.map { key in
            let token = key.intValue.map(String.init) ?? key.stringValue
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "teks"
        case is Bool.Type: "boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: "bilangan bulat"
        case is Double.Type, is Float.Type, is Decimal.Type: "angka"
        case is [Any].Type: "larik"
        default: "objek"
        }
    }
}

extension Problem {
    /// 400 for a body that is not JSON.
    public static func invalidJSON(_ detail: String) -> Problem {
        Problem(slug: "invalid-json", title: "JSON tidak valid", status: .badRequest, detail: detail)
    }
}
