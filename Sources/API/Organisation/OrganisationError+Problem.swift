import HTTP
import Kinerja
import Persistence

// Organisation and import errors as answers, in one place.
extension OrganisationError: ProblemConvertible {
    public var problem: Problem {
        if isNotFound { return .notFound(message) }
        let error = Problem.FieldError(pointer: field.isEmpty ? "" : "/" + field, code: code, message: message)
        if code == "duplicate" || code == "jabatan_occupied" || code == "overlapping_period" || code == "in_use" {
            return Problem(slug: "conflict", title: "Bertentangan dengan data yang ada", status: .conflict, detail: message, errors: [error])
        }
        return .validation([error], detail: message)
    }
}

extension NIPError: ProblemConvertible {
    public var problem: Problem {
        .validation([Problem.FieldError(pointer: "/nip", code: code, message: message)], detail: message)
    }
}

extension ImportError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .tooLarge(let limit): .contentTooLarge(limit: limit)
        case .tooManyRows:
            .validation([Problem.FieldError(pointer: "", code: "too_many_rows", message: message)], detail: message)
        }
    }
}
