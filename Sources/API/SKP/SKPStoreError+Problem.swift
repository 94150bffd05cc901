import HTTP
import Kinerja
import Persistence

// The one place where SKP refusals become answers: the detail names the rule and the article,
// the type and the codes are stable.
extension SKPStoreError: ProblemConvertible {
    /// The answer: 404, 409 or 422 (with every pointer), or the workflow's refusal.
    public var problem: Problem {
        switch self {
        case .notFound:
            return .notFound("SKP tidak ditemukan.")
        case .alreadyExists(let existing):
            return Problem(slug: "skp-already-exists", title: "SKP sudah ada", status: .conflict,
                           detail: "Pegawai sudah memiliki SKP untuk tahun dan bulan awal ini (\(existing.uuidString.lowercased())).")
        case .workflow(let error):
            return error.problem
        case .invalid(let problems):
            return .validation(problems.map { Problem.FieldError(pointer: $0.pointer, code: $0.code, message: $0.message) },
                               detail: "Isi SKP tidak memenuhi ketentuan.")
        case .revisionNotAllowed(let status, let basis):
            return Problem(slug: "skp-revision-not-allowed", title: "Revisi SKP tidak dapat dibuat", status: .conflict,
                           detail: "Revisi hanya dapat dibuat dari SKP yang telah ditetapkan (sekarang '\(status.rawValue)'). (\(basis))")
        case .noSuperior(let basis):
            return Problem(slug: "skp-no-superior", title: "Atasan pejabat penilai tidak ada", status: .conflict,
                           detail: "SKP ini tidak mencatat atasan pejabat penilai yang dapat memutus. (\(basis))")
        }
    }
}

extension SKPWorkflowError: ProblemConvertible {
    /// 403 for the wrong actor, 422 for missing notes, 409 otherwise; the detail and `basis` cite the article.
    public var problem: Problem {
        switch self {
        case .notPermitted:
            .refusal(code, title: "Tindakan tidak diizinkan", status: .forbidden, detail: message, basis: basis)
        case .notesRequired:
            .validation([Problem.FieldError(pointer: "/notes", code: "required", message: message)], detail: message)
        case .invalidState, .stepNotProvided, .alreadyDecided:
            .refusal(code, title: "Tindakan tidak dapat dilakukan", status: .conflict, detail: message, basis: basis)
        }
    }
}
