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
            return Problem.notFound(message)
        case .notPermitted:
            return .refusal(code, title: "Tindakan tidak diizinkan", status: .forbidden, detail: message, basis: basis)
        case .realisationExists(let existing):
            // Points at the realisation to correct instead.
            var problem = Problem.refusal(code, title: "Tindakan tidak dapat dilakukan", status: .conflict, detail: message, basis: basis)
            problem.headers.replaceOrAdd(name: "Location", value: "/v1/realisations/" + existing.uuidString.lowercased())
            return problem
        case .skpNotApproved, .rhkTakenOver, .alreadyTakenOver, .realisationLocked, .tooManyFiles:
            return .refusal(code, title: "Tindakan tidak dapat dilakukan", status: .conflict, detail: message, basis: basis)
        case .invalid(let problems):
            return Problem.validation(problems.map { Problem.FieldError(pointer: $0.pointer, code: $0.code, message: $0.message) },
                                      detail: message)
        }
    }
}
