import Foundation
import Kinerja

/// Why a follow-up action was refused; the API turns each into problem+json naming the rule.
public enum FollowUpStoreError: Error, Sendable, Equatable {
    /// No such period in this tenant.
    case periodNotFound
    /// No such evaluation in this tenant.
    case evaluationNotFound
    /// No such improvement window in this tenant.
    case windowNotFound
    /// No such perangkat daerah or unit kerja.
    case unitNotFound
    /// The caller may not act on this perangkat daerah.
    case notPermitted
    /// A reward the rule does not allow.
    case reward(RewardRule.Refusal)
    /// This kind of reward is already recorded for the evaluation.
    case rewardExists(kind: String)
    /// Improvement windows follow only from the annual evaluation.
    case periodNotAnnual
    /// An outcome that cannot be recorded now, with the reason and article.
    case outcome(String)
    /// The export would exceed its bound.
    case tooLarge(limit: Int)
}
