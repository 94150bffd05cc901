import Foundation

/// The answer to "who evaluates this employee on this date", with the evaluator's superior
/// (atasan pejabat penilai, who decides objections) and the reasons for both.
public struct EvaluatorResolution: Sendable, Equatable {
    /// The employee evaluated.
    public var employeeID: UUID
    /// The date asked about.
    public var date: CivilDate
    /// The pejabat penilai kinerja; nil when none can be found (the steps say why).
    public var evaluator: PejabatPenilai?
    /// The atasan pejabat penilai; nil when none can be found.
    public var evaluatorSuperior: PejabatPenilai?
    /// How the evaluator was found.
    public var explanation: Explanation
    /// How the evaluator's superior was found.
    public var superiorExplanation: Explanation

    /// Creates a resolution.
    public init(employeeID: UUID, date: CivilDate, evaluator: PejabatPenilai?, evaluatorSuperior: PejabatPenilai?,
                explanation: Explanation, superiorExplanation: Explanation) {
        self.employeeID = employeeID
        self.date = date
        self.evaluator = evaluator
        self.evaluatorSuperior = evaluatorSuperior
        self.explanation = explanation
        self.superiorExplanation = superiorExplanation
    }
}
