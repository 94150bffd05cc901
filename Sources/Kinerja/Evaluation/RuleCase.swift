import Foundation

/// One question put to a tenant's rules, as the CLI `kinerja rules eval` reads it from JSON.
///
/// Shapes (the `kind` member selects one):
/// ```
/// {"kind": "ratings", "hasilKerja": "di-atas-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"}
/// {"kind": "weighted", "jobKind": "pengawas", "fungsionalNeedsLeadership": false,
///  "activities": [{"name": "…", "quantity": {"target": 10, "realisation": 10}, "quality": {…},
///                  "time": {…}, "cost": {…}}],
///  "perilaku": {"orientasiPelayanan": 80, "komitmen": 80, "inisiatifKerja": 80, "kerjasama": 80,
///               "kepemimpinan": 80}}
/// {"kind": "distribution", "capaianOrganisasi": "baik",
///  "counts": {"sangatBaik": 2, "baik": 7, "butuhPerbaikan": 1, "kurang": 0, "sangatKurang": 0}}
///   (or "predikat": ["baik", "sangat-baik", …] instead of "counts")
/// {"kind": "deadline", "window": "objection-filing" | "objection-decision" | "assessment",
///  "from": "2025-03-20"}  (or "receivedAt": "2025-01-09T16:30:00Z", taken in the tenant's time zone)
/// {"kind": "coverage", "employeeType": "CPNS", "on": "2024-09-01",
///  "statuses": [{"status": "tugas-belajar", "from": "2025-01-01", "until": "2025-12-31"}]}
/// {"kind": "credit-points", "predikat": "baik", "jenjang": "ahli-muda", "months": 12}
/// ```
public enum RuleCase: Sendable, Equatable {
    /// A results rating and a behaviour rating → predikat.
    case ratings(hasilKerja: Rating, perilakuKerja: Rating)
    /// A weighted-model SKP with behaviour scores → scores and category.
    case weighted(WeightedModelInput)
    /// A group's predikat against the organisation's achievement → violations.
    case distribution(capaian: CapaianKinerjaOrganisasi, counts: PredikatCounts)
    /// A deadline of one of the tenant's windows.
    case deadline(window: WindowKind, start: DeadlineStart)
    /// Whether an employee is obliged on a date.
    case coverage(CoverageQuestion)
    /// Credit points of a functional official.
    case creditPoints(predikat: Predikat, jenjang: JenjangFungsional, months: Int)

    /// The kinds, as the `kind` member spells them.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `ratings`.
        case ratings
        /// `weighted`.
        case weighted
        /// `distribution`.
        case distribution
        /// `deadline`.
        case deadline
        /// `coverage`.
        case coverage
        /// `credit-points`.
        case creditPoints = "credit-points"
    }

    /// Which of the rule set's windows a deadline uses.
    public enum WindowKind: String, Sendable, Codable, CaseIterable {
        /// `$.objection.filingWindow`, from receipt of the evaluation result.
        case objectionFiling = "objection-filing"
        /// `$.objection.decisionWindow`, from receipt of the objection.
        case objectionDecision = "objection-decision"
        /// `$.assessment.window`, from the employee's submission of results.
        case assessment
    }

    /// Where a deadline counts from.
    public enum DeadlineStart: Sendable, Equatable {
        /// A civil date in the tenant's time zone.
        case date(CivilDate)
        /// An instant, converted to the tenant's civil date.
        case instant(Date)
    }

    /// The kind of this case.
    public var kind: Kind {
        switch self {
        case .ratings: .ratings
        case .weighted: .weighted
        case .distribution: .distribution
        case .deadline: .deadline
        case .coverage: .coverage
        case .creditPoints: .creditPoints
        }
    }
}
