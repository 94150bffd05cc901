import Foundation
import Kinerja

/// A period's progress for a tenant or one perangkat daerah (issue 5 item 7), built from counts
/// (GROUP BY) over the period's evaluations, so it costs the same for 30 or 15,000 employees.
/// The population is the period's evaluations: the evaluation core decided coverage when it
/// opened the period, so "obliged" means "not excluded" here, and `excluded` says who was not and why.
public struct PeriodDashboard: Sendable, Equatable, Encodable {
    /// SKP of the period's year among the obliged employees.
    public struct SKPCompletion: Sendable, Equatable, Encodable {
        /// Employees counted.
        public var obliged: Int
        /// With an approved SKP (any revision approved).
        public var approved: Int
        /// Submitted and waiting (submitted, reviewed or escalated).
        public var submitted: Int
        /// Still a draft or returned.
        public var draft: Int
        /// No SKP for the year.
        public var missing: Int
    }

    /// Evaluations by status among the obliged.
    public struct EvaluationCompletion: Sendable, Equatable, Encodable {
        /// Not yet submitted by the employee.
        public var pending: Int
        /// Results submitted, not rated.
        public var submitted: Int
        /// Rated, not final.
        public var rated: Int
        /// Final.
        public var final: Int
        /// Excluded (also in `excluded`).
        public var excluded: Int
    }

    /// Objections (keberatan) of the period's evaluations.
    public struct Objections: Sendable, Equatable, Encodable {
        /// Filed and not decided.
        public var open: Int
        /// Of those, past their decision deadline (Perbup Tanah Laut 2024 Pasal 35 huruf e: 7 working days).
        public var overdue: Int
        /// Decided.
        public var decided: Int
    }

    /// An evaluator with assessments past due (PP 94/2021 via the Demak note; Perbup Pasuruan
    /// 117/2019 Pasal 15 ayat (2)–(3)).
    public struct OverdueEvaluator: Sendable, Equatable, Encodable {
        /// The evaluator.
        public var evaluatorID: String
        /// NIP.
        public var nip: String
        /// Name.
        public var name: String
        /// Evaluations past their assessment deadline and not rated.
        public var overdue: Int
        /// The earliest deadline missed.
        public var oldestDueAt: Date
    }

    /// The period.
    public var period: EvaluationPeriodInfo
    /// `tenant` or `perangkat-daerah`.
    public var scope: String
    /// The perangkat daerah, for a unit dashboard.
    public var perangkatDaerahID: String?
    /// When the figures were taken.
    public var asOf: Date
    /// SKP completion.
    public var skp: SKPCompletion
    /// Evaluation completion.
    public var evaluations: EvaluationCompletion
    /// Predikat (rated and final) per distribution group that has members in the scope, counted over the
    /// whole group, because the pattern applies to the group (SE MenPANRB 3/2023), not to a part of it.
    public var distribution: [GroupDistribution]
    /// Objections.
    public var objections: Objections
    /// Evaluators with overdue assessments, most overdue first (at most 100).
    public var overdueEvaluators: [OverdueEvaluator]
    /// Evaluations overdue in all.
    public var overdueAssessments: Int
    /// Excluded employees, by reason.
    public var excluded: ExclusionSummary
}
