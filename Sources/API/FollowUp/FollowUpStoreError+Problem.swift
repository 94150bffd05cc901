import HTTP
import Kinerja
import Persistence

// The one place where follow-up refusals become answers: stable types, and a detail that names
// the rule and its article.
extension FollowUpStoreError: ProblemConvertible {
    /// 404, 403, 409 or 422 with the rule.
    public var problem: Problem {
        switch self {
        case .periodNotFound:
            return .notFound("Periode evaluasi tidak ditemukan.")
        case .evaluationNotFound:
            return .notFound("Evaluasi tidak ditemukan.")
        case .windowNotFound:
            return .notFound("Kesempatan perbaikan tidak ditemukan.")
        case .unitNotFound:
            return .notFound("Unit kerja tidak ditemukan.")
        case .notPermitted:
            return FollowUpRoutes.notPermitted
        case .reward(let refusal):
            return Problem(slug: refusal.code, title: "Penghargaan tidak dapat dicatat", status: .unprocessableContent,
                           detail: refusal.message)
        case .rewardExists(let kind):
            return Problem(slug: "reward-already-recorded", title: "Penghargaan sudah dicatat", status: .conflict,
                           detail: "Penghargaan '\(kind)' sudah dicatat untuk evaluasi ini. (\(RewardRule.basis))")
        case .periodNotAnnual:
            return Problem(slug: "improvement-window-not-annual", title: "Bukan periode tahunan", status: .unprocessableContent,
                           detail: "Kesempatan perbaikan 6 bulan hanya timbul dari predikat kinerja tahunan. "
                             + "(\(ImprovementWindowRule.jptBasis); \(ImprovementWindowRule.administrasiBasis))")
        case .outcome(let message):
            return Problem(slug: "improvement-outcome-refused", title: "Hasil perbaikan tidak dapat dicatat",
                           status: .conflict, detail: message)
        case .tooLarge(let limit):
            return Problem(slug: "export-too-large", title: "Ekspor terlalu besar", status: .unprocessableContent,
                           detail: "Ekspor melebihi \(limit) baris; hubungi admin pusat.")
        }
    }
}
