import HTTP
import Kinerja
import Persistence

// Rule-set and holiday refusals as answers, in one place. Validation issues keep their JSON path
// (as a JSON Pointer, RFC 6901, under the request member that held the document) and their code.

extension RuleSetStoreError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .invalidDocument(let failure):
            .validation(failure.fieldErrors(under: "/document"), detail: "Dokumen aturan tidak valid.")
        case .versionNotFound(let number):
            .notFound("Versi aturan \(number) tidak ditemukan.")
        case .refused(let error):
            error.problem
        case .storedDocumentUnreadable:
            .internalError
        case .legalNoteTooLong(let limit):
            .validation([Problem.FieldError(pointer: "/legalNote", code: "too_long",
                                            message: "Paling banyak \(limit) karakter.")])
        }
    }
}

extension RuleSetVersionError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .publishedVersionIsImmutable(let number):
            Problem(slug: "rule-set-published", title: "Versi sudah terbit", status: .conflict,
                    detail: "Versi \(number) sudah terbit dan tidak dapat diubah; buat versi baru.")
        case .notPublished(let number):
            Problem(slug: "rule-set-not-published", title: "Versi belum terbit", status: .conflict,
                    detail: "Versi \(number) belum terbit.")
        case .invalidRange(let from, let until):
            .validation([Problem.FieldError(pointer: "/validUntil", code: "invalid_range",
                                            message: "Tanggal akhir \(until) sebelum tanggal mulai \(from).")])
        case .tenantMismatch(let expected, let found):
            .validation([Problem.FieldError(pointer: "/document/tenant", code: "inconsistent",
                                            message: "Aturan untuk tenant '\(found)', bukan '\(expected)'.")])
        case .overlap(let conflict):
            Problem(slug: "validity-overlap", title: "Masa berlaku bertumpang tindih", status: .conflict,
                    detail: conflict.message,
                    errors: [Problem.FieldError(pointer: "/validFrom", code: "overlap", message: conflict.message)])
        }
    }
}

extension HolidayStoreError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .invalid(let failure):
            .validation(failure.fieldErrors(under: ""))
        case .duplicate(let date):
            Problem(slug: "duplicate", title: "Sudah terdaftar", status: .conflict,
                    detail: "Kabupaten ini sudah mempunyai hari libur pada \(date).",
                    errors: [Problem.FieldError(pointer: "/date", code: "duplicate", message: "Sudah ada.")])
        }
    }
}

extension ValidationFailure {
    /// Every issue as a field error: `$.a.b[2]` becomes the pointer `prefix/a/b/2`, and the issue
    /// code (`outOfRange`) the API's snake_case (`out_of_range`).
    func fieldErrors(under prefix: String) -> [Problem.FieldError] {
        issues.map { issue in
            Problem.FieldError(pointer: prefix + Self.pointer(fromPath: issue.path), code: Self.snakeCase(issue.code.rawValue),
                               message: issue.message)
        }
    }

    /// `$.evaluation.weights.skp` → `/evaluation/weights/skp`; `$.holidays[3]` → `/holidays/3`.
    static func pointer(fromPath path: String) -> String {
        var pointer = ""
        var token = ""
        var started = false
        func flush() {
            if started {
                pointer += "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            }
            token = ""
            started = true
        }
        for character in path.dropFirst(path.hasPrefix("$") ? 1 : 0) {
            switch character {
            case ".", "[": flush()
            case "]": break
            default: token.append(character)
            }
        }
        if started { flush() }
        return pointer
    }

    static func snakeCase(_ code: String) -> String {
        code.reduce(into: "") { text, character in
            if character.isUppercase {
                text += "_" + character.lowercased()
            } else {
                text.append(character)
            }
        }
    }
}
