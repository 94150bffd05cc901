import Foundation

/// Walks a `JSONValue` tree while collecting every `ValidationIssue` it meets.
///
/// Each accessor returns `nil` when the member is missing or invalid and records why, so one
/// pass over a document reports all of its problems with their paths.
public struct JSONReader: Sendable {
    /// The issues found so far.
    public private(set) var issues: [ValidationIssue] = []

    /// Creates a reader with no issues.
    public init() {}

    /// Records an issue.
    public mutating func report(_ path: JSONPath, _ code: ValidationIssue.Code, _ message: String) {
        issues.append(ValidationIssue(path: path.description, code: code, message: message))
    }

    /// The member `key` of `object`, recording `required` when it is missing and must be there.
    public mutating func member(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                                required: Bool = true) -> JSONValue? {
        switch object[key] {
        case nil, .null?:
            if required { report(path.appending(key), .required, "wajib diisi") }
            return nil
        case let value?:
            return value
        }
    }

    /// Reads an object, rejecting members outside `allowedKeys` (typos are errors, not silence).
    public mutating func object(_ value: JSONValue?, at path: JSONPath,
                                allowedKeys: Set<String>) -> [String: JSONValue]? {
        guard let value else { return nil }
        guard case .object(let members) = value else {
            report(path, .wrongType, "harus berupa objek, bukan \(value.typeName)")
            return nil
        }
        for key in members.keys.sorted() where !allowedKeys.contains(key) {
            report(path.appending(key), .unknownKey,
                   "kunci tidak dikenal; yang dikenal: \(allowedKeys.sorted().joined(separator: ", "))")
        }
        return members
    }

    /// Reads a non-empty string member.
    public mutating func string(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                                required: Bool = true) -> String? {
        guard let value = member(key, of: object, at: path, required: required) else { return nil }
        guard case .string(let text) = value else {
            report(path.appending(key), .wrongType, "harus berupa teks, bukan \(value.typeName)")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            report(path.appending(key), .empty, "tidak boleh kosong")
            return nil
        }
        return text
    }

    /// Reads a boolean member.
    public mutating func bool(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                              required: Bool = true) -> Bool? {
        guard let value = member(key, of: object, at: path, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            report(path.appending(key), .wrongType, "harus berupa boolean, bukan \(value.typeName)")
            return nil
        }
        return flag
    }

    /// Reads a decimal member within `range` (inclusive).
    public mutating func decimal(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                                 in range: ClosedRange<Decimal>? = nil, required: Bool = true) -> Decimal? {
        guard let value = member(key, of: object, at: path, required: required) else { return nil }
        guard case .number(let number) = value else {
            report(path.appending(key), .wrongType, "harus berupa bilangan, bukan \(value.typeName)")
            return nil
        }
        if let range, !range.contains(number) {
            report(path.appending(key), .outOfRange,
                   "harus di antara \(range.lowerBound) dan \(range.upperBound) (sekarang \(number))")
            return nil
        }
        return number
    }

    /// Reads an integer member within `range` (inclusive).
    public mutating func integer(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                                 in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let value = member(key, of: object, at: path, required: required) else { return nil }
        guard case .number(let number) = value, number.isWholeNumber else {
            report(path.appending(key), .wrongType, "harus berupa bilangan bulat, bukan \(value.typeName)")
            return nil
        }
        guard number >= Decimal(range.lowerBound), number <= Decimal(range.upperBound) else {
            report(path.appending(key), .outOfRange,
                   "harus di antara \(range.lowerBound) dan \(range.upperBound) (sekarang \(number))")
            return nil
        }
        return NSDecimalNumber(decimal: number).intValue
    }

    /// Reads a string member that must be the raw value of `E`.
    public mutating func choice<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ key: String, of object: [String: JSONValue], at path: JSONPath,
        required: Bool = true
    ) -> E? where E.RawValue == String {
        guard let text = string(key, of: object, at: path, required: required) else { return nil }
        return choice(type, from: text, at: path.appending(key))
    }

    /// Interprets `text` as the raw value of `E`, reporting the allowed values otherwise.
    public mutating func choice<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, from text: String, at path: JSONPath
    ) -> E? where E.RawValue == String {
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        report(path, .unknownValue, "nilai '\(text)' tidak dikenal; pilihan: \(allowed)")
        return nil
    }

    /// Reads a `YYYY-MM-DD` civil date member.
    public mutating func civilDate(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                                   required: Bool = true) -> CivilDate? {
        guard let text = string(key, of: object, at: path, required: required) else { return nil }
        guard let date = CivilDate(iso: text) else {
            report(path.appending(key), .invalidDate, "tanggal '\(text)' tidak sah; gunakan format YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// Reads an array member, optionally requiring at least one element.
    public mutating func array(_ key: String, of object: [String: JSONValue], at path: JSONPath,
                               required: Bool = true, nonEmpty: Bool = true) -> [JSONValue]? {
        guard let value = member(key, of: object, at: path, required: required) else { return nil }
        guard case .array(let elements) = value else {
            report(path.appending(key), .wrongType, "harus berupa daftar, bukan \(value.typeName)")
            return nil
        }
        if nonEmpty, elements.isEmpty {
            report(path.appending(key), .empty, "daftar tidak boleh kosong")
            return nil
        }
        return elements
    }

    /// Reads an array of distinct raw values of `E`, reporting bad and repeated entries by index.
    public mutating func choices<E: RawRepresentable & CaseIterable & Hashable>(
        _ type: E.Type, _ key: String, of object: [String: JSONValue], at path: JSONPath,
        required: Bool = true, nonEmpty: Bool = true
    ) -> [E]? where E.RawValue == String {
        guard let elements = array(key, of: object, at: path, required: required, nonEmpty: nonEmpty) else {
            return nil
        }
        var result: [E] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            let elementPath = path.appending(key).appending(index)
            guard case .string(let text) = element else {
                report(elementPath, .wrongType, "harus berupa teks, bukan \(element.typeName)")
                valid = false
                continue
            }
            guard let value = choice(type, from: text, at: elementPath) else { valid = false; continue }
            if result.contains(value) {
                report(elementPath, .duplicate, "'\(text)' sudah tercantum")
                valid = false
                continue
            }
            result.append(value)
        }
        return valid ? result : nil
    }
}

extension Decimal {
    /// Whether the value has no fractional part.
    var isWholeNumber: Bool { self == rounded(scale: 0, mode: .down) }

    /// The value rounded to `scale` decimal places with `mode`.
    func rounded(scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, mode)
        return output
    }
}
