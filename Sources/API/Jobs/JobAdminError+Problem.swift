import HTTP
import Persistence

// The one place where refused job actions become answers.
extension JobAdminError: ProblemConvertible {
    /// 404 for a job not found in the tenant, 409 when its state (or a waiting twin) does not allow the action.
    public var problem: Problem {
        switch self {
        case .notFound:
            .notFound("Pekerjaan tidak ditemukan.")
        case .invalidState(let state):
            Problem(slug: "job-invalid-state", title: "Tindakan tidak dapat dilakukan", status: .conflict,
                    detail: "Pekerjaan sedang berstatus '\(state.rawValue)'. Ulangi hanya pekerjaan yang gagal "
                        + "atau dibatalkan; batalkan hanya pekerjaan yang masih menunggu.")
        case .uniqueKeyTaken:
            Problem(slug: "job-duplicate-pending", title: "Pekerjaan serupa sedang menunggu", status: .conflict,
                    detail: "Pekerjaan yang sama sudah menunggu dijalankan; tidak perlu diulang.")
        }
    }
}
