import HTTP
import Kinerja

// The one place where execution refusals become answers: stable types and codes, Indonesian
// details that name the article.
extension ExecutionError: ProblemConvertible {
    /// 404 for what the caller may not see, 403 for an action not theirs, 409 for a state that
    /// refuses it, 422 with every pointer for bad input.
    public var problem: Problem {
        switch self {
        case .skpNotFound, .rhkNotFound, .realisationNotFound:
            Problem.notFound(message)
        case .notPermitted:
            Problem(slug: code, title: "Tindakan tidak diizinkan", status: .forbidden, detail: message)
        case .skpNotApproved, .rhkTakenOver, .alreadyTakenOver, .realisationExists, .realisationLocked, .tooManyFiles:
            Problem(slug: code, title: "Tindakan tidak dapat dilakukan", status: .conflict, detail: message)
        case .invalid(let problems):
            Problem.validation(problems.map { Problem.FieldError(pointer: $0.pointer, code: $0.code, message: $0.message) },
                               detail: message)
        }
    }
}
